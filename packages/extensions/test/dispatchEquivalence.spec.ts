import fc from 'fast-check';
import {
  ExtensionRegistry,
  HookAggregateError,
  HookError,
  PLUGIN_ERROR_EVENT,
  StopPropagation,
  type ErrorStrategy,
  type HookContext,
  type PluginErrorPayload,
  type PointKind,
} from '@trellis/extensions';
import {
  referenceDispatch,
  referenceDispatchSync,
  type ReferenceContext,
  type ReferenceHandler,
  type ReferenceOutcome,
  type ReferenceState,
} from './support/referenceDispatch.js';

type Kind = 'filter' | 'notify' | 'collect';
type Mode = 'sync' | 'async' | 'parallel';

type Behavior =
  | { readonly type: 'return'; readonly mul: number; readonly add: number }
  /**
   * Dispatches its own event again (synchronously, same kind) and logs the nested outcome, stopping
   * its own run before or after when `outerStop` says so; in the nested dispatch it acts as `inner`.
   */
  | {
      readonly type: 'reenter';
      readonly inner: Behavior;
      readonly outerStop: 'none' | 'before' | 'after';
      readonly add: number;
    }
  | { readonly type: 'undefined' }
  /** Returns a promise that never settles (only given to handlers with a short timeout). */
  | { readonly type: 'hang' }
  | { readonly type: 'throw' }
  | { readonly type: 'failTimes'; readonly times: number; readonly add: number }
  | { readonly type: 'stop'; readonly stopValue: number | undefined; readonly returns: number | undefined }
  | { readonly type: 'throwStop'; readonly stopValue: number | undefined };

interface HandlerSpec {
  /** The name or wildcard pattern registered (some do not match {@link EVENT}). */
  readonly pattern: string;
  readonly priority: number;
  readonly plugin: string | undefined;
  /** `declared`: an async function; `promise`: a plain function returning a promise. */
  readonly flavour: 'sync' | 'declared' | 'promise';
  readonly behavior: Behavior;
  readonly retries: number;
  readonly once: boolean;
  readonly timeout: number | undefined;
  readonly kinds: readonly PointKind[] | undefined;
}

interface Scenario {
  readonly handlers: readonly HandlerSpec[];
  readonly kind: Kind;
  readonly modes: readonly Mode[];
  readonly strategy: ErrorStrategy;
  readonly strategyPerCall: boolean;
  readonly tracing: boolean;
  /** Disable owner `p1` before dispatching. */
  readonly disableP1: boolean;
  /** 0: generated runners from the first dispatch; 1: after one loop run; Infinity: loops only. */
  readonly compileAfter: number;
}

const leafBehaviorArb: fc.Arbitrary<Behavior> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      type: fc.constant('return' as const),
      mul: fc.integer({ min: 1, max: 3 }),
      add: fc.integer({ min: 0, max: 9 }),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ type: 'undefined' as const }) },
  { weight: 2, arbitrary: fc.constant({ type: 'throw' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('failTimes' as const),
      times: fc.integer({ min: 1, max: 2 }),
      add: fc.integer({ min: 0, max: 9 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('stop' as const),
      stopValue: fc.option(fc.integer({ min: 100, max: 199 }), { nil: undefined }),
      returns: fc.option(fc.integer({ min: 200, max: 299 }), { nil: undefined }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('throwStop' as const),
      stopValue: fc.option(fc.integer({ min: 300, max: 399 }), { nil: undefined }),
    }),
  },
);

const behaviorArb: fc.Arbitrary<Behavior> = fc.oneof(
  { weight: 12, arbitrary: leafBehaviorArb },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('reenter' as const),
      inner: leafBehaviorArb,
      outerStop: fc.constantFrom('none' as const, 'before' as const, 'after' as const),
      add: fc.integer({ min: 0, max: 9 }),
    }),
  },
);

/** A timeout long enough that only a hanging handler reaches it. */
const HANG_TIMEOUT = 10;
const PATTERNS = [
  'prop.event',
  'prop.event',
  'prop.event',
  'prop.*',
  'prop.**',
  '*.event',
  'prop.ev*',
  'other.*',
];

const handlerArb = (featureful: boolean): fc.Arbitrary<HandlerSpec> =>
  fc
    .record({
      pattern: fc.constantFrom(...PATTERNS),
      priority: fc.constantFrom(0, 25, 50, 50, 75, 100),
      plugin: fc.constantFrom(undefined, 'p0', 'p1'),
      flavour: fc.constantFrom('sync' as const, 'sync' as const, 'declared' as const, 'promise' as const),
      behavior: behaviorArb,
      retries: featureful ? fc.integer({ min: 0, max: 2 }) : fc.constant(0),
      once: featureful ? fc.boolean() : fc.constant(false),
      hangs: featureful ? fc.integer({ min: 0, max: 4 }).map((n) => n === 0) : fc.constant(false),
      kinds: fc.option(fc.subarray(['filter', 'notify', 'collect'] as PointKind[], { minLength: 1 }), {
        nil: undefined,
        freq: 3,
      }),
    })
    .map(({ hangs, ...spec }) =>
      hangs && spec.flavour !== 'sync'
        ? {
            ...spec,
            behavior: { type: 'hang' as const },
            retries: Math.min(spec.retries, 1),
            timeout: HANG_TIMEOUT,
          }
        : { ...spec, timeout: undefined },
    );

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .boolean()
  .chain((featureful) =>
    fc.record({
      handlers: fc.array(handlerArb(featureful), { maxLength: 8 }),
      kind: fc.constantFrom('filter' as const, 'notify' as const, 'collect' as const),
      modes: fc.array(fc.constantFrom('sync' as const, 'async' as const, 'parallel' as const), {
        minLength: 1,
        maxLength: 3,
      }),
      strategy: fc.constantFrom('log-and-continue' as const, 'fail-fast' as const, 'collect-all' as const),
      strategyPerCall: fc.boolean(),
      tracing: featureful ? fc.boolean() : fc.constant(false),
      disableP1: fc.boolean(),
      compileAfter: fc.constantFrom(0, 1, Infinity),
    }),
  )
  .map((scenario) =>
    // Only notify has a parallel form.
    scenario.kind === 'notify'
      ? scenario
      : { ...scenario, modes: scenario.modes.map((mode) => (mode === 'parallel' ? 'async' : mode)) },
  );

/** A synchronous dispatch of the scenario's event and kind, summarised (it never throws). */
type NestedDispatch = (input: unknown) => unknown;

/**
 * Builds fresh handler functions for one run; every call is logged as `index:attempt`, every
 * nested dispatch as its summary.
 */
function buildHandlers(
  scenario: Scenario,
  log: string[],
  nested: NestedDispatch,
): ((value: unknown, ctx: HookContext) => unknown)[] {
  let level = 0;
  return scenario.handlers.map((spec, index) => {
    let calls = 0;
    const compute = (value: unknown, ctx: HookContext | ReferenceContext, own = spec.behavior): unknown => {
      let behavior = own;
      if (behavior.type === 'reenter') {
        if (level > 0) behavior = behavior.inner;
        else {
          if (behavior.outerStop === 'before') ctx.stop(400 + behavior.add);
          level++;
          try {
            log.push(`nested ${index}: ${JSON.stringify(nested(value))}`);
          } finally {
            level--;
          }
          if (behavior.outerStop === 'after') ctx.stop(450 + behavior.add);
          return scenario.kind === 'filter' ? (value as number) + behavior.add : behavior.add;
        }
      }
      switch (behavior.type) {
        case 'reenter':
          return compute(value, ctx, behavior);
        case 'return':
          return scenario.kind === 'filter' ? (value as number) * behavior.mul + behavior.add : behavior.add;
        case 'undefined':
          return undefined;
        case 'hang':
          return new Promise(() => undefined);
        case 'throw':
          throw new Error(`boom ${index}`);
        case 'failTimes':
          if (calls <= behavior.times) throw new Error(`flaky ${index} #${calls}`);
          return behavior.add;
        case 'stop':
          ctx.stop(behavior.stopValue);
          return behavior.returns;
        case 'throwStop':
          throw behavior.stopValue === undefined
            ? new StopPropagation('stop')
            : new StopPropagation('stop', behavior.stopValue);
      }
    };
    const enter = (): void => {
      calls++;
      log.push(`${index}:${calls}`);
    };
    if (spec.flavour === 'declared') {
      return async (value: unknown, ctx: HookContext) => {
        enter();
        await Promise.resolve();
        return compute(value, ctx);
      };
    }
    if (spec.flavour === 'promise') {
      return (value: unknown, ctx: HookContext) => {
        enter();
        // Runs (and stops) synchronously, hands the outcome over through a promise.
        const run = async (): Promise<unknown> => compute(value, ctx);
        return run();
      };
    }
    return (value: unknown, ctx: HookContext) => {
      enter();
      return compute(value, ctx);
    };
  });
}

/** A comparable summary of a dispatch outcome. */
const summarize = (value: unknown, error: unknown): unknown => {
  const hookError = (e: HookError): unknown => ({
    code: e.code,
    event: e.event,
    plugin: e.plugin,
    cause: e.cause instanceof Error ? e.cause.message : e.cause,
  });
  if (error === undefined) return { value };
  if (error instanceof HookAggregateError) {
    return { aggregate: error.errors.map(hookError), value: error.value };
  }
  if (error instanceof HookError) return { hookError: hookError(error) };
  return { unexpected: error instanceof Error ? error.message : typeof error };
};

const EVENT = 'prop.event';

async function runCompiled(
  scenario: Scenario,
  log: string[],
): Promise<{ outcomes: unknown[]; reported: unknown[] }> {
  const registry = new ExtensionRegistry({
    errorStrategy: scenario.strategyPerCall ? 'log-and-continue' : scenario.strategy,
    tracing: scenario.tracing,
    compileAfter: scenario.compileAfter,
  });
  const reported: unknown[] = [];
  if (scenario.disableP1) registry.disableOwner('p1');
  registry.on(PLUGIN_ERROR_EVENT, (payload: PluginErrorPayload) => {
    reported.push(summarize(undefined, payload.error));
  });
  const options = scenario.strategyPerCall ? { errorStrategy: scenario.strategy } : undefined;
  const nested: NestedDispatch = (input) => {
    try {
      if (scenario.kind === 'filter') return summarize(registry.filter(EVENT, input, options), undefined);
      if (scenario.kind === 'collect') return summarize(registry.collect(EVENT, input, options), undefined);
      registry.notify(EVENT, input, options);
      return summarize(undefined, undefined);
    } catch (error) {
      return summarize(undefined, error);
    }
  };
  const fns = buildHandlers(scenario, log, nested);
  scenario.handlers.forEach((spec, index) => {
    registry.on(spec.pattern, fns[index]!, {
      priority: spec.priority,
      ...(spec.plugin === undefined ? {} : { plugin: spec.plugin }),
      retries: spec.retries,
      once: spec.once,
      timeout: spec.timeout,
      kinds: spec.kinds,
    });
  });
  const outcomes: unknown[] = [];
  for (const mode of scenario.modes) {
    log.push(`dispatch ${mode}`);
    try {
      let value: unknown;
      if (mode === 'sync') {
        if (scenario.kind === 'filter') value = registry.filter(EVENT, 1, options);
        else if (scenario.kind === 'collect') value = registry.collect(EVENT, 1, options);
        else registry.notify(EVENT, 1, options);
      } else if (mode === 'parallel') {
        await registry.notifyAsync(EVENT, 1, { ...options, parallel: true });
      } else if (scenario.kind === 'filter') value = await registry.filterAsync(EVENT, 1, options);
      else if (scenario.kind === 'collect') value = await registry.collectAsync(EVENT, 1, options);
      else await registry.notifyAsync(EVENT, 1, options);
      outcomes.push(summarize(value, undefined));
    } catch (error) {
      outcomes.push(summarize(undefined, error));
    }
    // Let promises ignored by a synchronous dispatch settle before the next one.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { outcomes, reported };
}

async function runReference(
  scenario: Scenario,
  log: string[],
): Promise<{ outcomes: unknown[]; reported: unknown[] }> {
  const state: ReferenceState = {
    returnedPromise: new Set(),
    consumed: new Set(),
    disabled: new Set(scenario.disableP1 ? ['p1'] : []),
  };
  const outcomes: unknown[] = [];
  const reported: unknown[] = [];
  const report = (error: HookError): void => {
    reported.push(summarize(undefined, error));
  };
  const nested: NestedDispatch = (input) => {
    const outcome = referenceDispatchSync({
      event: EVENT,
      kind: scenario.kind,
      mode: 'sync',
      strategy: scenario.strategy,
      handlers,
      input,
      state,
      report,
    });
    return summarize(outcome.value, outcome.error);
  };
  const fns = buildHandlers(scenario, log, nested);
  const handlers: ReferenceHandler[] = scenario.handlers.map((spec, index) => ({
    fn: fns[index] as unknown as ReferenceHandler['fn'],
    pattern: spec.pattern,
    timeout: spec.timeout,
    kinds: spec.kinds,
    priority: spec.priority,
    plugin: spec.plugin,
    declaredAsync: spec.flavour === 'declared',
    retries: spec.retries,
    once: spec.once,
  }));
  for (const mode of scenario.modes) {
    log.push(`dispatch ${mode}`);
    const outcome: ReferenceOutcome = await referenceDispatch({
      event: EVENT,
      kind: scenario.kind,
      mode,
      strategy: scenario.strategy,
      handlers,
      input: 1,
      state,
      report,
    });
    outcomes.push(summarize(outcome.value, outcome.error));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { outcomes, reported };
}

describe('compiled dispatch', () => {
  describe('when compared with the reference interpreter', () => {
    it('should give the same results, errors, stops and handler calls for random handler sets', async () => {
      await fc.assert(
        fc.asyncProperty(scenarioArb, async (scenario) => {
          const compiledLog: string[] = [];
          const referenceLog: string[] = [];
          const compiled = await runCompiled(scenario, compiledLog);
          const reference = await runReference(scenario, referenceLog);
          expect(compiled.outcomes).toEqual(reference.outcomes);
          // Handlers of a parallel notify interleave at their awaits: compare the calls, not their order.
          const parallel = scenario.modes.includes('parallel');
          expect(parallel ? [...compiledLog].sort() : compiledLog).toEqual(
            parallel ? [...referenceLog].sort() : referenceLog,
          );
          expect(compiled.reported).toEqual(reference.reported);
        }),
        { numRuns: 400 },
      );
    }, 120_000);
  });
});
