import type { RegistryOptions } from '@trellis/extensions';
import type { BenchCase, Contender } from '../harness/types.js';
import { asyncFlags, filterHandlers, notifyHandlers, type NotifyState } from './handlers.js';
import { asyncFilterChain, filterChain, notifyRun } from './floors.js';
import { asyncBench, GATE_INPUTS, syncBench, type DispatchApi } from './common.js';
import { trellisFilterBench, trellisNotifyBench } from './trellisDispatch.js';
import { churnCase, trellisChurn } from './churn.js';
import { middlewareRunCase } from './middlewareRun.js';

/*
 * What the generated dispatch code buys: the same registry with code generation off
 * (`compileAfter: Infinity`, the plain loops only) or on from the first dispatch (`compileAfter: 0`).
 */

const GENERATED = { id: 'trellis', label: 'Trellis (default)', note: 'code generated once the point is hot' };
const PLAIN = {
  id: 'trellis-plain',
  label: 'Trellis, no code generation',
  note: 'compileAfter: Infinity (plain loops only)',
};
/** What counting `registry.stats()` costs: the same registry with `stats: true` (no trace logs). */
const STATS = {
  id: 'trellis-stats',
  label: 'Trellis, counting stats',
  note: 'stats: true (calls and errors counted in the generated code; durations from a timed sample)',
};

function dispatchAblation(point: 'filter' | 'notify', api: DispatchApi, count: number): BenchCase {
  const event = `bench.ablation.${point}.${api}.h${count}`;
  const load = (registry: RegistryOptions) => () => {
    return point === 'filter'
      ? trellisFilterBench({ api, kind: 'sync', count, event, registry })
      : trellisNotifyBench({ api, kind: 'sync', count, event, registry });
  };
  const floor: Contender = {
    id: 'floor',
    label: 'hand-written',
    floor: true,
    load: () => {
      if (point === 'notify') {
        const state: NotifyState = { acc: 0 };
        return Promise.resolve(syncBench(notifyRun(notifyHandlers('sync', count, state), state)));
      }
      const handlers = filterHandlers('sync', count);
      return Promise.resolve(
        api === 'sync'
          ? syncBench(filterChain(handlers))
          : asyncBench(asyncFilterChain(handlers, asyncFlags('sync', count))),
      );
    },
  };
  return {
    id: `ablation.${point}.${api}.${count}`,
    group: 'ablation',
    title: `${point}, ${api} API, ${count} sync handler${count === 1 ? '' : 's'}`,
    unit: 'ns',
    gateInputs: GATE_INPUTS,
    contenders: [
      floor,
      { ...GENERATED, load: load({}) },
      { ...PLAIN, load: load({ compileAfter: Number.POSITIVE_INFINITY }) },
      { ...STATS, load: load({ stats: true }) },
    ],
  };
}

function churnAblation(): BenchCase {
  const base = churnCase();
  const floor = base.contenders.find((contender) => contender.floor === true) as Contender;
  return {
    ...base,
    id: 'ablation.churn',
    group: 'ablation',
    title: 'registration churn (1 change per 100 dispatches, 10 handlers)',
    contenders: [
      floor,
      { ...GENERATED, load: () => trellisChurn() },
      { ...PLAIN, load: () => trellisChurn({ compileAfter: Number.POSITIVE_INFINITY }) },
      {
        id: 'trellis-eager',
        label: 'Trellis, code generated at once',
        note: 'compileAfter: 0 (code generated on the first dispatch after each change)',
        load: () => trellisChurn({ compileAfter: 0 }),
      },
    ],
  };
}

/** The optimisation ablations, run like any other case. */
export function ablationCases(): BenchCase[] {
  return [
    dispatchAblation('filter', 'sync', 10),
    dispatchAblation('filter', 'sync', 100),
    dispatchAblation('notify', 'sync', 10),
    dispatchAblation('filter', 'async', 10),
    middlewareRunCase(5),
    churnAblation(),
  ];
}
