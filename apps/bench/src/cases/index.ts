import type { BenchCase } from '../harness/types.js';
import type { HandlerKind } from './handlers.js';
import type { DispatchApi } from './common.js';
import { filterCase } from './filterDispatch.js';
import { notifyCase } from './notifyDispatch.js';
import { wildcardCase } from './wildcard.js';
import { churnCase } from './churn.js';
import { firstDispatchCase } from './firstDispatch.js';
import { heapHandlersCase } from './heapHandlers.js';
import { heapPluginsCase } from './heapPlugins.js';
import { unusedFeaturesCase } from './unusedFeatures.js';
import { diCase } from './di.js';
import { ablationCases } from './ablation.js';
import { lifecycleCase } from './lifecycle.js';
import { eventBusCase } from './eventBus.js';
import { discoveryCase, reloadCase, reloadHeapCase } from './loading.js';
import { metricsDispatchCase } from './metricsDispatch.js';

const COUNTS = [1, 10, 100] as const;

/**
 * The dispatch matrix: the sync API with sync handlers (an async handler is skipped by a synchronous
 * dispatcher, so sync API x async handlers measures nothing), the async API with sync, async and mixed
 * handlers (mixed needs two handlers at least: mixed x 1 would be the sync or the async case again).
 */
function dispatchMatrix(
  build: (api: DispatchApi, kind: HandlerKind, count: number) => BenchCase,
): BenchCase[] {
  const cases: BenchCase[] = [];
  const combos: [DispatchApi, HandlerKind][] = [
    ['sync', 'sync'],
    ['async', 'sync'],
    ['async', 'async'],
    ['async', 'mixed'],
  ];
  for (const [api, kind] of combos) {
    for (const count of COUNTS) if (!(kind === 'mixed' && count === 1)) cases.push(build(api, kind, count));
  }
  return cases;
}

/** Every case, in run order. Building the list loads nothing: contenders load in their own process. */
export function allCases(): BenchCase[] {
  return [
    ...dispatchMatrix(filterCase),
    ...dispatchMatrix(notifyCase),
    wildcardCase(1),
    wildcardCase(100),
    wildcardCase(1_000),
    churnCase(),
    firstDispatchCase(),
    diCase(),
    ...[10, 100, 1_000, 10_000].map(lifecycleCase),
    heapHandlersCase(),
    heapPluginsCase(),
    unusedFeaturesCase('sync'),
    unusedFeaturesCase('async'),
    ...ablationCases(),
    eventBusCase(1),
    eventBusCase(100),
    discoveryCase(),
    reloadCase(),
    reloadHeapCase(),
    metricsDispatchCase(),
  ];
}
