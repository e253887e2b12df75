import type { CaseResult } from './types.js';
import { formatRatio, formatWithUnit } from './format.js';

export interface TargetResult {
  readonly id: string;
  readonly target: string;
  readonly measured: string;
  /** The compared figure (a ratio, or an absolute value in ns). */
  readonly value: number | null;
  /** null when a figure is missing (filtered out, failed gate, error). */
  readonly met: boolean | null;
}

/** An optional feature counts as costing "nothing measurable" within this ratio to the baseline. */
export const UNUSED_FEATURE_TOLERANCE = 1.1;

type Lookup = (caseId: string, contenderId: string) => number | undefined;

function lookupIn(cases: readonly CaseResult[]): Lookup {
  return (caseId, contenderId) => {
    const contender = cases
      .find((benchCase) => benchCase.id === caseId)
      ?.contenders.find((candidate) => candidate.id === contenderId);
    return contender?.status === 'ok' ? contender.measurement?.median : undefined;
  };
}

function missing(id: string, target: string): TargetResult {
  return { id, target, measured: 'not measured', value: null, met: null };
}

/** `a / b <= limit`, shown with both figures. */
function atMost(
  lookup: Lookup,
  spec: {
    id: string;
    target: string;
    caseId: string;
    a: [string, string];
    b: [string, string];
    limit: number;
  },
  unit: 'ns' | 'µs' | 'ms' = 'ns',
): TargetResult {
  const a = lookup(spec.caseId, spec.a[0]);
  const b = lookup(spec.caseId, spec.b[0]);
  if (a === undefined || b === undefined) return missing(spec.id, spec.target);
  const ratio = a / b;
  return {
    id: spec.id,
    target: spec.target,
    measured: `${formatRatio(ratio)} (${spec.a[1]} ${formatWithUnit(a, unit)}, ${spec.b[1]} ${formatWithUnit(b, unit)})`,
    value: ratio,
    met: ratio <= spec.limit,
  };
}

/** `peer / trellis >= factor`; the floor's own ratio to the peer shows what is attainable at all. */
function fasterBy(
  lookup: Lookup,
  spec: { id: string; target: string; caseId: string; peer: [string, string]; factor: number },
): TargetResult {
  const trellis = lookup(spec.caseId, 'trellis');
  const peer = lookup(spec.caseId, spec.peer[0]);
  const floor = lookup(spec.caseId, 'floor');
  if (trellis === undefined || peer === undefined) return missing(spec.id, spec.target);
  const ratio = peer / trellis;
  const ceiling =
    floor === undefined ? '' : `; the hand-written floor is ${formatRatio(peer / floor)} faster`;
  return {
    id: spec.id,
    target: spec.target,
    measured: `${formatRatio(ratio)} faster (Trellis ${formatWithUnit(trellis, 'ns')}, ${spec.peer[1]} ${formatWithUnit(peer, 'ns')}${ceiling})`,
    value: ratio,
    met: ratio >= spec.factor,
  };
}

function below(
  lookup: Lookup,
  spec: { id: string; target: string; caseId: string; contender: string; limitNs: number; unit: 'µs' | 'ms' },
): TargetResult {
  const value = lookup(spec.caseId, spec.contender);
  if (value === undefined) return missing(spec.id, spec.target);
  return {
    id: spec.id,
    target: spec.target,
    measured: formatWithUnit(value, spec.unit),
    value,
    met: value < spec.limitNs,
  };
}

const UNUSED_FEATURES: readonly [string, string][] = [
  ['tracing-off', 'tracing switched on, then off'],
  ['timeout-elsewhere', 'a timeout on another event'],
  ['retries-elsewhere', 'retries on another event'],
  ['collect-all', "'collect-all' strategy, no errors"],
];

/** Every target of the tracked issue, evaluated on the figures of one run. */
export function evaluateTargets(cases: readonly CaseResult[]): TargetResult[] {
  const lookup = lookupIn(cases);
  const trellis: [string, string] = ['trellis', 'Trellis'];
  const results: TargetResult[] = [
    atMost(lookup, {
      id: 'sync-filter-10-vs-floor',
      target: 'sync filter, 10 handlers: Trellis <= 1.5x the hand-written chain',
      caseId: 'filter.sync.sync.10',
      a: trellis,
      b: ['floor', 'hand-written'],
      limit: 1.5,
    }),
    atMost(lookup, {
      id: 'sync-filter-10-vs-tapable',
      target: 'sync filter, 10 handlers: Trellis <= tapable SyncWaterfallHook',
      caseId: 'filter.sync.sync.10',
      a: trellis,
      b: ['tapable', 'tapable'],
      limit: 1,
    }),
    atMost(lookup, {
      id: 'async-filter-10-sync-vs-tapable',
      target: 'async filter, 10 sync handlers: Trellis <= tapable AsyncSeriesWaterfallHook .promise()',
      caseId: 'filter.async.sync.10',
      a: trellis,
      b: ['tapable', 'tapable'],
      limit: 1,
    }),
    atMost(lookup, {
      id: 'async-filter-10-async-vs-tapable',
      target: 'async filter, 10 async handlers: Trellis <= 1.2x tapable AsyncSeriesWaterfallHook .promise()',
      caseId: 'filter.async.async.10',
      a: trellis,
      b: ['tapable', 'tapable'],
      limit: 1.2,
    }),
    fasterBy(lookup, {
      id: 'async-filter-10-async-vs-hookable',
      target: 'async filter, 10 async handlers: Trellis >= 5x faster than hookable',
      caseId: 'filter.async.async.10',
      peer: ['hookable', 'hookable'],
      factor: 5,
    }),
    fasterBy(lookup, {
      id: 'async-filter-10-async-vs-emittery',
      target: 'async filter, 10 async handlers: Trellis >= 5x faster than emittery',
      caseId: 'filter.async.async.10',
      peer: ['emittery', 'emittery'],
      factor: 5,
    }),
    fasterBy(lookup, {
      id: 'async-filter-10-sync-vs-hookable',
      target: 'async filter, 10 sync handlers: Trellis >= 5x faster than hookable',
      caseId: 'filter.async.sync.10',
      peer: ['hookable', 'hookable'],
      factor: 5,
    }),
    fasterBy(lookup, {
      id: 'async-filter-10-sync-vs-emittery',
      target: 'async filter, 10 sync handlers: Trellis >= 5x faster than emittery',
      caseId: 'filter.async.sync.10',
      peer: ['emittery', 'emittery'],
      factor: 5,
    }),
    atMost(lookup, {
      id: 'sync-notify-10-vs-eventemitter3',
      target: 'sync notify, 10 handlers: Trellis <= eventemitter3',
      caseId: 'notify.sync.sync.10',
      a: trellis,
      b: ['eventemitter3', 'eventemitter3'],
      limit: 1,
    }),
    atMost(lookup, {
      id: 'wildcard-1000-vs-exact',
      target: 'wildcard dispatch with 1,000 patterns (warm) <= 1.3x exact-name dispatch',
      caseId: 'wildcard.1000',
      a: ['trellis-wildcard', 'wildcards'],
      b: ['trellis-exact', 'exact'],
      limit: 1.3,
    }),
    below(lookup, {
      id: 'first-dispatch-100',
      target: 'first dispatch after a registration change, 100 handlers: < 50 µs',
      caseId: 'first-dispatch.filter.100',
      contender: 'trellis',
      limitNs: 50_000,
      unit: 'µs',
    }),
    atMost(lookup, {
      id: 'di-resolve-vs-inversify',
      target: 'DI resolution, 5 injected dependencies: Trellis <= 1.5x raw inversify',
      caseId: 'di.resolve',
      a: trellis,
      b: ['inversify', 'inversify'],
      limit: 1.5,
    }),
    below(lookup, {
      id: 'lifecycle-10000',
      target: '10,000 plugins start() + close(): < 2 s',
      caseId: 'lifecycle.10000',
      contender: 'trellis',
      limitNs: 2e9,
      unit: 'ms',
    }),
    atMost(lookup, {
      id: 'metrics-dispatch',
      target: 'sync filter, 10 hooks: a host with @trellis/metrics <= 1.1x the same host without',
      caseId: 'types.metrics.dispatch',
      a: ['with-metrics', 'with metrics'],
      b: ['without-metrics', 'without'],
      limit: 1.1,
    }),
  ];
  const big = lookup('lifecycle.10000', 'trellis');
  const small = lookup('lifecycle.1000', 'trellis');
  const scalingTarget = '10,000 plugins start() + close() <= 12x the 1,000 figure';
  results.push(
    big === undefined || small === undefined
      ? missing('lifecycle-scaling', scalingTarget)
      : {
          id: 'lifecycle-scaling',
          target: scalingTarget,
          measured: `${formatRatio(big / small)} (${formatWithUnit(big, 'ms')} / ${formatWithUnit(small, 'ms')})`,
          value: big / small,
          met: big / small <= 12,
        },
  );
  for (const api of ['sync', 'async'] as const) {
    const caseId = `unused.${api}`;
    const noise = lookup(caseId, 'trellis-again');
    const base = lookup(caseId, 'trellis');
    const noiseText =
      noise !== undefined && base !== undefined
        ? `; same registry in another process: ${formatRatio(noise / base)}`
        : '';
    for (const [variant, text] of UNUSED_FEATURES) {
      const result = atMost(lookup, {
        id: `unused-${api}-${variant}`,
        target: `${api} filter, 10 handlers, ${text}: costs nothing measurable (<= ${UNUSED_FEATURE_TOLERANCE}x no features)`,
        caseId,
        a: [variant, 'with'],
        b: ['trellis', 'without'],
        limit: UNUSED_FEATURE_TOLERANCE,
      });
      results.push(
        result.value === null ? result : { ...result, measured: `${result.measured}${noiseText}` },
      );
    }
  }
  return results;
}
