import fc from 'fast-check';
import {
  ExtensionRegistry,
  HookAggregateError,
  HookError,
  PLUGIN_ERROR_EVENT,
  StopPropagation,
  TrellisError,
  type ErrorStrategy,
  type HookContext,
  type PluginErrorPayload,
  type PointKind,
} from '@trellis/extensions';
import {
  referenceDispatch,
  type ReferenceHandler,
  type ReferenceState,
} from './support/referenceDispatch.js';

type Behavior =
  | { readonly type: 'wrap'; readonly mul: number; readonly add: number }
  | { readonly type: 'short'; readonly add: number }
  | { readonly type: 'throw' }
  | { readonly type: 'throwAfter' }
  | { readonly type: 'failTimes'; readonly times: number }
  | { readonly type: 'stop'; readonly stopValue: number | undefined }
  | { readonly type: 'throwStop'; readonly stopValue: number | undefined }
  | { readonly type: 'twice' }
  | { readonly type: 'hang' };

interface Spec {
  readonly pattern: string;
  readonly priority: number;
  readonly plugin: string | undefined;
  readonly declared: boolean;
  readonly behavior: Behavior;
  readonly retries: number;
  readonly once: boolean;
  readonly timeout: number | undefined;
  readonly kinds: readonly PointKind[] | undefined;
}

interface Scenario {
  readonly handlers: readonly Spec[];
  readonly strategy: ErrorStrategy;
  readonly runs: number;
  readonly terminalThrows: boolean;
  readonly disableP1: boolean;
  readonly compileAfter: number;
}

const EVENT = 'mw.event';
const HANG_TIMEOUT = 10;

const behaviorArb: fc.Arbitrary<Behavior> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant('wrap' as const),
      mul: fc.integer({ min: 1, max: 3 }),
      add: fc.integer({ min: 0, max: 9 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant('short' as const), add: fc.integer({ min: 0, max: 9 }) }),
  },
  { weight: 2, arbitrary: fc.constant({ type: 'throw' as const }) },
  { weight: 1, arbitrary: fc.constant({ type: 'throwAfter' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant('failTimes' as const), times: fc.integer({ min: 1, max: 2 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('stop' as const),
      stopValue: fc.option(fc.integer({ min: 100, max: 199 }), { nil: undefined }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('throwStop' as const),
      stopValue: fc.option(fc.integer({ min: 300, max: 399 }), { nil: undefined }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'twice' as const }) },
);

const specArb: fc.Arbitrary<Spec> = fc
  .record({
    pattern: fc.constantFrom('mw.event', 'mw.event', 'mw.*', 'mw.**', 'other.*'),
    priority: fc.constantFrom(0, 25, 50, 50, 75, 100),
    plugin: fc.constantFrom(undefined, 'p0', 'p1'),
    declared: fc.boolean(),
    behavior: behaviorArb,
    retries: fc.integer({ min: 0, max: 2 }),
    once: fc.boolean(),
    hangs: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
    kinds: fc.option(fc.constantFrom<PointKind[]>(['middleware'], ['notify'], ['middleware', 'filter']), {
      nil: undefined,
      freq: 3,
    }),
  })
  .map(({ hangs, ...spec }) =>
    hangs
      ? {
          ...spec,
          behavior: { type: 'hang' as const },
          retries: Math.min(spec.retries, 1),
          timeout: HANG_TIMEOUT,
        }
      : { ...spec, timeout: undefined },
  );

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  handlers: fc.array(specArb, { maxLength: 6 }),
  strategy: fc.constantFrom('log-and-continue' as const, 'fail-fast' as const, 'collect-all' as const),
  runs: fc.integer({ min: 1, max: 2 }),
  terminalThrows: fc.boolean(),
  disableP1: fc.boolean(),
  compileAfter: fc.constantFrom(0, Infinity),
});

type Next = () => Promise<unknown>;

/** Fresh middleware functions for one run; every call is logged as `index:call`. */
function build(
  scenario: Scenario,
  log: string[],
): ((ctx: unknown, next: Next, hookCtx: HookContext) => unknown)[] {
  return scenario.handlers.map((spec, index) => {
    let calls = 0;
    const body = async (value: unknown, next: Next, hookCtx: HookContext): Promise<unknown> => {
      const behavior = spec.behavior;
      switch (behavior.type) {
        case 'wrap':
          return ((await next()) as number) * behavior.mul + behavior.add;
        case 'short':
          return behavior.add;
        case 'throw':
          throw new Error(`boom ${index}`);
        case 'throwAfter':
          await next();
          throw new Error(`after ${index}`);
        case 'failTimes':
          if (calls <= behavior.times) throw new Error(`flaky ${index} #${calls}`);
          return next();
        case 'stop':
          hookCtx.stop(behavior.stopValue);
          return next();
        case 'throwStop':
          throw behavior.stopValue === undefined
            ? new StopPropagation('s')
            : new StopPropagation('s', behavior.stopValue);
        case 'twice':
          await next();
          return next();
        case 'hang':
          return new Promise(() => undefined);
      }
      return value;
    };
    if (spec.declared) {
      return async (value: unknown, next: Next, hookCtx: HookContext) => {
        calls++;
        log.push(`${index}:${calls}`);
        await Promise.resolve();
        return body(value, next, hookCtx);
      };
    }
    return (value: unknown, next: Next, hookCtx: HookContext) => {
      calls++;
      log.push(`${index}:${calls}`);
      // Synchronous until its first await: throws and stops before it happen in the call itself.
      if (spec.behavior.type === 'throw') throw new Error(`boom ${index}`);
      return body(value, next, hookCtx);
    };
  });
}

const describeCause = (cause: unknown): unknown =>
  TrellisError.is(cause) ? cause.code : cause instanceof Error ? cause.message : cause;

const summarize = (value: unknown, error: unknown): unknown => {
  const hookError = (e: HookError): unknown => ({
    code: e.code,
    event: e.event,
    plugin: e.plugin,
    cause: describeCause(e.cause),
  });
  if (error === undefined) return { value };
  if (error instanceof HookAggregateError)
    return { aggregate: error.errors.map(hookError), value: error.value };
  if (error instanceof HookError) return { hookError: hookError(error) };
  return { unexpected: describeCause(error) };
};

const terminal =
  (scenario: Scenario) =>
  (ctx: unknown): unknown => {
    if (scenario.terminalThrows) throw new Error('terminal broke');
    return (ctx as number) + 1000;
  };

async function runCompiled(scenario: Scenario, log: string[]): Promise<unknown[]> {
  const registry = new ExtensionRegistry({
    errorStrategy: scenario.strategy,
    compileAfter: scenario.compileAfter,
  });
  if (scenario.disableP1) registry.disableOwner('p1');
  const out: unknown[] = [];
  registry.on(
    PLUGIN_ERROR_EVENT,
    (payload: PluginErrorPayload) => void out.push({ reported: summarize(undefined, payload.error) }),
  );
  const fns = build(scenario, log);
  scenario.handlers.forEach((spec, index) => {
    registry.on(spec.pattern, fns[index] as (...args: never[]) => unknown, {
      priority: spec.priority,
      ...(spec.plugin === undefined ? {} : { plugin: spec.plugin }),
      retries: spec.retries,
      once: spec.once,
      timeout: spec.timeout,
      kinds: spec.kinds,
    });
  });
  for (let run = 0; run < scenario.runs; run++) {
    log.push(`run ${run}`);
    try {
      out.push(summarize(await registry.run(EVENT, 1, terminal(scenario)), undefined));
    } catch (error) {
      out.push(summarize(undefined, error));
    }
  }
  return out;
}

async function runReference(scenario: Scenario, log: string[]): Promise<unknown[]> {
  const state: ReferenceState = {
    returnedPromise: new Set(),
    consumed: new Set(),
    disabled: new Set(scenario.disableP1 ? ['p1'] : []),
  };
  const out: unknown[] = [];
  const fns = build(scenario, log);
  const handlers: ReferenceHandler[] = scenario.handlers.map((spec, index) => ({
    fn: fns[index] as unknown as ReferenceHandler['fn'],
    pattern: spec.pattern,
    priority: spec.priority,
    plugin: spec.plugin,
    declaredAsync: spec.declared,
    retries: spec.retries,
    once: spec.once,
    timeout: spec.timeout,
    kinds: spec.kinds,
  }));
  for (let run = 0; run < scenario.runs; run++) {
    log.push(`run ${run}`);
    const outcome = await referenceDispatch({
      event: EVENT,
      kind: 'middleware',
      mode: 'async',
      strategy: scenario.strategy,
      handlers,
      input: 1,
      state,
      terminal: terminal(scenario),
      report: (error) => void out.push({ reported: summarize(undefined, error) }),
    });
    out.push(summarize(outcome.value, outcome.error));
  }
  return out;
}

describe('middleware dispatch', () => {
  describe('when compared with the reference interpreter', () => {
    it('should give the same results, errors and handler calls for random onions', async () => {
      await fc.assert(
        fc.asyncProperty(scenarioArb, async (scenario) => {
          const compiledLog: string[] = [];
          const referenceLog: string[] = [];
          const compiled = await runCompiled(scenario, compiledLog);
          const reference = await runReference(scenario, referenceLog);
          expect(compiled).toEqual(reference);
          expect(compiledLog).toEqual(referenceLog);
        }),
        { numRuns: 300 },
      );
    }, 120_000);
  });
});
