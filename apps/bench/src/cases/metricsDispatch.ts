import type { BenchCase, Contender, ThroughputBench } from '../harness/types.js';
import { filterHandlers } from './handlers.js';
import { filterChain } from './floors.js';
import { GATE_INPUTS, syncBench } from './common.js';

const HANDLERS = 10;
const EVENT = 'bench.metrics.filter';

type Setup = 'plain' | 'metrics' | 'metrics-no-stats' | 'tracing';

/**
 * A host whose plugin has 10 sync filter hooks, dispatched with `manager.trigger`: as it is, with
 * `@trellis/metrics` installed (started and scraped once, so its built-in hook metrics read the
 * registry's statistics), or with hook tracing switched on (for reference).
 */
async function hostBench(setup: Setup): Promise<ThroughputBench> {
  const { PluginManager, definePlugin } = await import('@trellis/core');
  const handlers = filterHandlers('sync', HANDLERS);
  const Hooks = definePlugin({
    name: 'bench-hooks',
    hooks: handlers.map((handler) => ({ on: EVENT, handler: (value: unknown) => handler(value as number) })),
  });
  const withMetrics = setup === 'metrics' || setup === 'metrics-no-stats';
  const manager = new PluginManager({
    logger: false,
    config: { 'trellis.metrics': { hookStats: setup === 'metrics' } },
  });
  manager.register(Hooks);
  if (withMetrics) {
    const { MetricsPlugin } = await import('@trellis/metrics');
    manager.register(MetricsPlugin);
  }
  if (setup === 'tracing') manager.enableHookTracing(true);
  await manager.start();
  if (withMetrics) {
    const { METRICS } = await import('@trellis/metrics');
    for (let i = 0; i < 100; i++) manager.trigger(EVENT, i);
    const text = await manager.get(METRICS).metrics();
    const counted = text.includes(
      'trellis_hook_calls_total{event="bench.metrics.filter",plugin="bench-hooks"} 1000',
    );
    if (counted !== (setup === 'metrics')) throw new Error(`unexpected hook metrics in the scrape:\n${text}`);
  }
  const bench = syncBench((input) => manager.trigger(EVENT, input));
  return { ...bench, dispose: () => manager.close() };
}

/** Dispatch cost of installing `@trellis/metrics` (goal: at most 1.1x the host without it). */
export function metricsDispatchCase(): BenchCase {
  const contenders: Contender[] = [
    {
      id: 'floor',
      label: 'hand-written',
      floor: true,
      load: () => Promise.resolve(syncBench(filterChain(filterHandlers('sync', HANDLERS)))),
    },
    {
      id: 'without-metrics',
      label: 'host without metrics',
      note: 'manager.trigger on a plugin with 10 sync filter hooks',
      load: () => hostBench('plain'),
    },
    {
      id: 'with-metrics',
      label: 'host with @trellis/metrics',
      note: "the same host with MetricsPlugin started and scraped once; it switches the registry's statistics on (registry.enableStats()), which the hook metrics read at scrape time",
      load: () => hostBench('metrics'),
    },
    {
      id: 'with-metrics-no-stats',
      label: '@trellis/metrics, hookStats: false',
      note: "the same with 'trellis.metrics': { hookStats: false }: the registry does not count, the trellis_hook_* metrics stay at 0",
      load: () => hostBench('metrics-no-stats'),
    },
    {
      id: 'with-tracing',
      label: 'host with hook tracing',
      note: 'the same host with manager.enableHookTracing(true), for reference',
      load: () => hostBench('tracing'),
    },
  ];
  return {
    id: 'types.metrics.dispatch',
    group: 'plugin-types',
    title: `sync filter, ${HANDLERS} hooks of one plugin, metrics installed or not`,
    unit: 'ns',
    gateInputs: GATE_INPUTS,
    contenders,
  };
}
