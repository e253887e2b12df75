import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  ExtensionRegistry,
  HookAggregateError,
  HookError,
  StopPropagation,
  type ErrorStrategy,
  type HookContext,
} from '@trellis/extensions';

type Kind = 'filter' | 'notify' | 'collect';

type Behavior =
  | { readonly type: 'return'; readonly add: number }
  | { readonly type: 'undefined' }
  | { readonly type: 'throw' }
  | { readonly type: 'stop'; readonly value: number | undefined }
  | { readonly type: 'throwStop'; readonly value: number | undefined }
  /** Dispatches the same event again once (depth 1), then returns `add`. */
  | { readonly type: 'reenter'; readonly add: number };

interface Scenario {
  readonly behaviors: readonly Behavior[];
  /** Per handler: registered on the exact name or on the wildcard `stats.*`. */
  readonly wildcard: readonly boolean[];
  readonly kind: Kind;
  readonly strategy: ErrorStrategy;
  readonly compileAfter: number;
  /** Dispatch inputs; a long run crosses the sampled (timed) dispatches. */
  readonly inputs: readonly number[];
}

const EVENT = 'stats.counted';

const behaviorArb: fc.Arbitrary<Behavior> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ type: fc.constant('return' as const), add: fc.integer({ min: 0, max: 9 }) }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('undefined' as const) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('throw' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('stop' as const),
      value: fc.option(fc.integer(), { nil: undefined }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('throwStop' as const),
      value: fc.option(fc.integer(), { nil: undefined }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant('reenter' as const), add: fc.integer({ min: 0, max: 9 }) }),
  },
);

const scenarioArb: fc.Arbitrary<Scenario> = fc.integer({ min: 1, max: 12 }).chain((count) =>
  fc.record({
    behaviors: fc.array(behaviorArb, { minLength: count, maxLength: count }),
    wildcard: fc.array(fc.boolean(), { minLength: count, maxLength: count }),
    kind: fc.constantFrom<Kind>('filter', 'notify', 'collect'),
    strategy: fc.constantFrom<ErrorStrategy>('log-and-continue', 'collect-all', 'fail-fast'),
    compileAfter: fc.constantFrom(0, 1, Number.POSITIVE_INFINITY),
    inputs: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 40 }),
  }),
);

interface Run {
  readonly outcomes: unknown[];
  /** Per handler: times it was called and times it threw an error (not a stop). */
  readonly calls: number[];
  readonly errors: number[];
  readonly registry: ExtensionRegistry;
}

function dispatch(registry: ExtensionRegistry, kind: Kind, input: number, strategy: ErrorStrategy): unknown {
  const options = { errorStrategy: strategy };
  if (kind === 'filter') return registry.filter(EVENT, input, options);
  if (kind === 'collect') return registry.collect(EVENT, input, options);
  registry.notify(EVENT, input, options);
  return undefined;
}

/** What a dispatch gave, in a form that compares across registries. */
function settle(run: () => unknown): unknown {
  try {
    return { ok: run() };
  } catch (error) {
    if (error instanceof HookAggregateError) {
      return { aggregate: error.errors.map((e) => e.handler), value: error.value };
    }
    if (error instanceof HookError) return { hookError: error.handler };
    return { other: String(error) };
  }
}

function runScenario(scenario: Scenario, stats: boolean, repeat: number): Run {
  const registry = new ExtensionRegistry({ stats, compileAfter: scenario.compileAfter });
  const calls = scenario.behaviors.map(() => 0);
  const errors = scenario.behaviors.map(() => 0);
  let depth = 0;
  scenario.behaviors.forEach((behavior, k) => {
    const handler = (value: unknown, ctx: HookContext): unknown => {
      calls[k] = (calls[k] ?? 0) + 1;
      switch (behavior.type) {
        case 'return':
          return typeof value === 'number' ? value + behavior.add : behavior.add;
        case 'undefined':
          return undefined;
        case 'throw':
          errors[k] = (errors[k] ?? 0) + 1;
          throw new Error(`h${String(k)} failed`);
        case 'stop':
          ctx.stop(behavior.value);
          return undefined;
        case 'throwStop':
          throw new StopPropagation('stop', behavior.value);
        case 'reenter': {
          if (depth === 0) {
            depth++;
            try {
              settle(() => dispatch(registry, scenario.kind, behavior.add, 'log-and-continue'));
            } finally {
              depth--;
            }
          }
          return behavior.add;
        }
      }
    };
    registry.on(scenario.wildcard[k] === true ? 'stats.*' : EVENT, handler, { name: `h${String(k)}` });
  });
  const outcomes: unknown[] = [];
  for (let round = 0; round < repeat; round++) {
    for (const input of scenario.inputs) {
      outcomes.push(settle(() => dispatch(registry, scenario.kind, input, scenario.strategy)));
    }
  }
  return { outcomes, calls, errors, registry };
}

describe('registry.stats() while counting', () => {
  describe('when the same dispatches run with stats on and off', () => {
    it('should give the same results, and exact call and error counts per handler', () => {
      fc.assert(
        fc.property(scenarioArb, fc.integer({ min: 1, max: 8 }), (scenario, repeat) => {
          const off = runScenario(scenario, false, repeat);
          const on = runScenario(scenario, true, repeat);
          expect(on.outcomes).toEqual(off.outcomes);
          expect(on.calls).toEqual(off.calls);
          const stats = on.registry.stats();
          expect(stats.map((entry) => entry.calls)).toEqual(on.calls);
          expect(stats.map((entry) => entry.errors)).toEqual(on.errors);
          for (const entry of stats) {
            expect(entry.totalMs).toBeGreaterThanOrEqual(0);
            expect(entry.maxMs).toBeLessThanOrEqual(entry.totalMs + 1e-9);
            if (entry.calls === 0) expect(entry.meanMs).toBe(0);
          }
          expect(off.registry.stats().every((entry) => entry.calls === 0)).toBe(true);
        }),
        { numRuns: 150 },
      );
    });
  });

  describe('when a hot event is dispatched many times', () => {
    it('should count every call and estimate durations from the timed sample', () => {
      const registry = new ExtensionRegistry({ stats: true });
      for (let k = 0; k < 5; k++) registry.on(EVENT, (value: number) => value + 1, { name: `h${String(k)}` });
      for (let i = 0; i < 3000; i++) registry.filter(EVENT, i);
      const stats = registry.stats();
      expect(stats.map((entry) => entry.calls)).toEqual([3000, 3000, 3000, 3000, 3000]);
      for (const entry of stats) {
        expect(entry.errors).toBe(0);
        expect(entry.meanMs).toBeGreaterThanOrEqual(0);
        expect(entry.totalMs).toBeCloseTo(entry.meanMs * entry.calls, 6);
      }
      registry.resetStats();
      expect(registry.stats().map((entry) => entry.calls)).toEqual([0, 0, 0, 0, 0]);
      registry.filter(EVENT, 1);
      expect(registry.stats().map((entry) => entry.calls)).toEqual([1, 1, 1, 1, 1]);
    });
  });
});

type AsyncKind = 'filterAsync' | 'notifyAsync' | 'collectAsync';

/** What a handler of an asynchronous dispatch does; `async…` ones are `async` functions (or return a promise). */
type AsyncBehavior =
  | Exclude<Behavior, { readonly type: 'reenter' }>
  | { readonly type: 'asyncReturn'; readonly add: number; readonly declared: boolean }
  | { readonly type: 'asyncThrow'; readonly declared: boolean }
  | { readonly type: 'asyncStop'; readonly value: number | undefined }
  | { readonly type: 'asyncThrowStop'; readonly value: number | undefined };

interface AsyncScenario {
  readonly behaviors: readonly AsyncBehavior[];
  readonly wildcard: readonly boolean[];
  readonly kind: AsyncKind;
  readonly strategy: ErrorStrategy;
  readonly compileAfter: number;
  readonly inputs: readonly number[];
}

const optionalValue = fc.option(fc.integer(), { nil: undefined });

const asyncBehaviorArb: fc.Arbitrary<AsyncBehavior> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ type: fc.constant('return' as const), add: fc.integer({ min: 0, max: 9 }) }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('undefined' as const) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('throw' as const) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('stop' as const), value: optionalValue }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('throwStop' as const), value: optionalValue }) },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('asyncReturn' as const),
      add: fc.integer({ min: 0, max: 9 }),
      declared: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant('asyncThrow' as const), declared: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('asyncStop' as const), value: optionalValue }) },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant('asyncThrowStop' as const), value: optionalValue }),
  },
);

const asyncScenarioArb: fc.Arbitrary<AsyncScenario> = fc.integer({ min: 1, max: 10 }).chain((count) =>
  fc.record({
    behaviors: fc.array(asyncBehaviorArb, { minLength: count, maxLength: count }),
    wildcard: fc.array(fc.boolean(), { minLength: count, maxLength: count }),
    kind: fc.constantFrom<AsyncKind>('filterAsync', 'notifyAsync', 'collectAsync'),
    strategy: fc.constantFrom<ErrorStrategy>('log-and-continue', 'collect-all', 'fail-fast'),
    compileAfter: fc.constantFrom(0, 1, Number.POSITIVE_INFINITY),
    inputs: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 30 }),
  }),
);

async function settleAsync(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return { ok: await run() };
  } catch (error) {
    return settle(() => {
      throw error;
    });
  }
}

async function runAsyncScenario(scenario: AsyncScenario, stats: boolean, repeat: number): Promise<Run> {
  const registry = new ExtensionRegistry({ stats, compileAfter: scenario.compileAfter });
  const calls = scenario.behaviors.map(() => 0);
  const errors = scenario.behaviors.map(() => 0);
  const add = (value: unknown, n: number): number => (typeof value === 'number' ? value + n : n);
  scenario.behaviors.forEach((behavior, k) => {
    const called = (): void => {
      calls[k] = (calls[k] ?? 0) + 1;
    };
    const failed = (): Error => {
      errors[k] = (errors[k] ?? 0) + 1;
      return new Error(`h${String(k)} failed`);
    };
    let handler: (value: unknown, ctx: HookContext) => unknown;
    switch (behavior.type) {
      case 'return':
        handler = (value) => (called(), add(value, behavior.add));
        break;
      case 'undefined':
        handler = () => {
          called();
          return undefined;
        };
        break;
      case 'throw':
        handler = () => {
          called();
          throw failed();
        };
        break;
      case 'stop':
        handler = (_value, ctx) => {
          called();
          ctx.stop(behavior.value);
          return undefined;
        };
        break;
      case 'throwStop':
        handler = () => {
          called();
          throw new StopPropagation('stop', behavior.value);
        };
        break;
      case 'asyncReturn':
        handler = behavior.declared
          ? async (value) => {
              called();
              await Promise.resolve();
              return add(value, behavior.add);
            }
          : (value) => (called(), Promise.resolve(add(value, behavior.add)));
        break;
      case 'asyncThrow':
        handler = behavior.declared
          ? async () => {
              called();
              await Promise.resolve();
              throw failed();
            }
          : () => (called(), Promise.reject(failed()));
        break;
      case 'asyncStop':
        handler = async (_value, ctx) => {
          called();
          await Promise.resolve();
          ctx.stop(behavior.value);
          return undefined;
        };
        break;
      case 'asyncThrowStop':
        handler = async () => {
          called();
          await Promise.resolve();
          throw new StopPropagation('stop', behavior.value);
        };
        break;
    }
    registry.on(scenario.wildcard[k] === true ? 'stats.*' : EVENT, handler, { name: `h${String(k)}` });
  });
  const outcomes: unknown[] = [];
  for (let round = 0; round < repeat; round++) {
    for (const input of scenario.inputs) {
      const options = { errorStrategy: scenario.strategy };
      outcomes.push(
        await settleAsync(() =>
          scenario.kind === 'filterAsync'
            ? registry.filterAsync(EVENT, input, options)
            : scenario.kind === 'collectAsync'
              ? registry.collectAsync(EVENT, input, options)
              : registry.notifyAsync(EVENT, input, options),
        ),
      );
    }
  }
  return { outcomes, calls, errors, registry };
}

describe('registry.stats() while counting asynchronous dispatches', () => {
  describe('when the same filterAsync, notifyAsync and collectAsync dispatches run with stats on and off', () => {
    it('should give the same results, and exact call and error counts per handler', async () => {
      await fc.assert(
        fc.asyncProperty(asyncScenarioArb, fc.integer({ min: 1, max: 6 }), async (scenario, repeat) => {
          const off = await runAsyncScenario(scenario, false, repeat);
          const on = await runAsyncScenario(scenario, true, repeat);
          expect(on.outcomes).toEqual(off.outcomes);
          expect(on.calls).toEqual(off.calls);
          const stats = on.registry.stats();
          expect(stats.map((entry) => entry.calls)).toEqual(on.calls);
          expect(stats.map((entry) => entry.errors)).toEqual(on.errors);
          for (const entry of stats) {
            expect(entry.totalMs).toBeGreaterThanOrEqual(0);
            expect(entry.maxMs).toBeLessThanOrEqual(entry.totalMs + 1e-9);
          }
          expect(off.registry.stats().every((entry) => entry.calls === 0)).toBe(true);
        }),
        { numRuns: 150 },
      );
    });
  });

  describe('when a hot asynchronous event is dispatched many times', () => {
    it('should count every call past the timed sample', async () => {
      const registry = new ExtensionRegistry({ stats: true });
      for (let k = 0; k < 4; k++) registry.on(EVENT, (value: number) => value + 1, { name: `h${String(k)}` });
      registry.on(EVENT, async (value: number) => Promise.resolve(value * 2), { name: 'h4' });
      for (let i = 0; i < 3000; i++) await registry.filterAsync(EVENT, i);
      expect(registry.stats().map((entry) => [entry.calls, entry.errors])).toEqual([
        [3000, 0],
        [3000, 0],
        [3000, 0],
        [3000, 0],
        [3000, 0],
      ]);
    });
  });
});

type Layer =
  | { readonly type: 'wrap'; readonly add: number }
  | { readonly type: 'shortCircuit'; readonly value: number }
  | { readonly type: 'throw' }
  | { readonly type: 'throwAfterNext' }
  | { readonly type: 'throwStop'; readonly value: number | undefined }
  | { readonly type: 'stop'; readonly value: number | undefined };

const layerArb: fc.Arbitrary<Layer> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ type: fc.constant('wrap' as const), add: fc.integer({ min: 0, max: 9 }) }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('shortCircuit' as const), value: fc.integer() }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('throw' as const) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('throwAfterNext' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('throwStop' as const),
      value: fc.option(fc.integer(), { nil: undefined }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('stop' as const),
      value: fc.option(fc.integer(), { nil: undefined }),
    }),
  },
);

async function runLayers(
  layers: readonly Layer[],
  setup: 'off' | 'stats' | 'tracing',
  strategy: ErrorStrategy,
  terminalFails: boolean,
  runs: number,
): Promise<{ outcomes: unknown[]; registry: ExtensionRegistry }> {
  const registry = new ExtensionRegistry({ stats: setup === 'stats', tracing: setup === 'tracing' });
  layers.forEach((layer, k) => {
    registry.on(
      'stats.http',
      async (ctx: { n: number }, next: () => Promise<unknown>, hookCtx: HookContext): Promise<unknown> => {
        switch (layer.type) {
          case 'wrap': {
            ctx.n += layer.add;
            const inner = await next();
            return typeof inner === 'number' ? inner + layer.add : inner;
          }
          case 'shortCircuit':
            return layer.value;
          case 'throw':
            throw new Error(`m${String(k)} failed`);
          case 'throwAfterNext':
            await next();
            throw new Error(`m${String(k)} failed after next`);
          case 'throwStop':
            throw new StopPropagation('stop', layer.value);
          case 'stop':
            hookCtx.stop(layer.value);
            return next();
        }
      },
      { name: `m${String(k)}` },
    );
  });
  const outcomes: unknown[] = [];
  for (let i = 0; i < runs; i++) {
    try {
      outcomes.push({
        ok: await registry.run(
          'stats.http',
          { n: i },
          (ctx: { n: number }) => {
            if (terminalFails && i % 3 === 0) throw new Error('terminal failed');
            return ctx.n;
          },
          { errorStrategy: strategy },
        ),
      });
    } catch (error) {
      outcomes.push(
        error instanceof HookAggregateError
          ? { aggregate: error.errors.map((e) => e.handler), value: error.value }
          : error instanceof HookError
            ? { hookError: error.handler }
            : { other: String(error) },
      );
    }
  }
  return { outcomes, registry };
}

describe('registry.run() while counting', () => {
  describe('when the same runs go through a registry with stats off, stats on and tracing on', () => {
    it('should give the same results, and the counts of tracing (which times every run)', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(layerArb, { minLength: 1, maxLength: 6 }),
          fc.constantFrom<ErrorStrategy>('log-and-continue', 'collect-all', 'fail-fast'),
          fc.boolean(),
          fc.integer({ min: 1, max: 12 }),
          async (layers, strategy, terminalFails, runs) => {
            const off = await runLayers(layers, 'off', strategy, terminalFails, runs);
            const stats = await runLayers(layers, 'stats', strategy, terminalFails, runs);
            const traced = await runLayers(layers, 'tracing', strategy, terminalFails, runs);
            expect(stats.outcomes).toEqual(off.outcomes);
            expect(traced.outcomes).toEqual(off.outcomes);
            const counts = (registry: ExtensionRegistry): unknown =>
              registry.stats().map((entry) => [entry.calls, entry.errors]);
            expect(counts(stats.registry)).toEqual(counts(traced.registry));
          },
        ),
        { numRuns: 100 },
      );
    });
  });
});
