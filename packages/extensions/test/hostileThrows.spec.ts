import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  defineCollect,
  defineFilter,
  defineMiddleware,
  defineNotify,
  ExtensionRegistry,
  HookError,
  type HookOptions,
} from '@trellis/extensions';
import { HOSTILE_VALUES, serialisingLogger } from './support/hostileValues.js';

const Filter = defineFilter<number>('hostile.filter');
const Notify = defineNotify<number>('hostile.notify');
const Collect = defineCollect<number, number>('hostile.collect');
const Middleware = defineMiddleware<number, number>('hostile.run');

/** Every dispatcher, run with one failing handler followed by a good one. */
const DISPATCHES = [
  { name: 'filter', run: (r: ExtensionRegistry) => r.filter(Filter, 1) },
  {
    name: 'notify',
    run: (r: ExtensionRegistry) => {
      r.notify(Notify, 1);
    },
  },
  { name: 'collect', run: (r: ExtensionRegistry) => r.collect(Collect, 1) },
  { name: 'filterAsync', run: (r: ExtensionRegistry) => r.filterAsync(Filter, 1) },
  { name: 'notifyAsync', run: (r: ExtensionRegistry) => r.notifyAsync(Notify, 1) },
  {
    name: 'notifyAsync parallel',
    run: (r: ExtensionRegistry) => r.notifyAsync(Notify, 1, { parallel: true }),
  },
  { name: 'collectAsync', run: (r: ExtensionRegistry) => r.collectAsync(Collect, 1) },
  { name: 'run (middleware)', run: (r: ExtensionRegistry) => r.run(Middleware, 1, (n) => n) },
] as const;

// eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- rejecting with a non-Error is the point
const rejectWith = (value: unknown): Promise<never> => Promise.reject(value);

const SYNC = new Set(['filter', 'notify', 'collect']);

const PATHS: { name: string; compileAfter: number; options: HookOptions }[] = [
  { name: 'plain loop', compileAfter: Infinity, options: {} },
  { name: 'generated runner', compileAfter: 0, options: {} },
  { name: 'general path (retries, timeout)', compileAfter: 0, options: { retries: 1, timeout: 5_000 } },
];

function register(
  registry: ExtensionRegistry,
  failing: (...args: never[]) => unknown,
  options: HookOptions,
): {
  ran: string[];
} {
  const ran: string[] = [];
  const good = (value: number, ...rest: unknown[]): unknown => {
    ran.push('good');
    const next = rest[0];
    return typeof next === 'function' ? (next as () => unknown)() : value;
  };
  for (const point of [Filter, Notify, Collect, Middleware] as const) {
    registry.on(point.name, failing, { ...options, plugin: 'hostile', priority: 'high' });
    registry.on(point.name, good, { plugin: 'good' });
  }
  return { ran };
}

describe('dispatch of hostile thrown values', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => {
    unhandled.push(reason);
  };
  beforeEach(() => {
    unhandled.length = 0;
    process.on('unhandledRejection', onUnhandled);
  });
  afterEach(async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });

  describe.each(HOSTILE_VALUES)('when a handler fails with $name', (hostile) => {
    describe.each(PATHS)('through the $name', ({ compileAfter, options }) => {
      describe.each(DISPATCHES)('with $name', ({ name, run }) => {
        const modes = SYNC.has(name) ? ['throws'] : ['throws', 'rejects'];

        it.each(modes)(
          'should give a HookError to log-and-continue and run later handlers (handler %s)',
          async (how) => {
            const logger = serialisingLogger();
            const errors: HookError[] = [];
            const registry = new ExtensionRegistry({ logger, compileAfter });
            registry.setOwnerErrorHandler('hostile', (error) => void errors.push(error));
            const thrown = hostile.make();
            const failing =
              how === 'throws'
                ? (): never => {
                    throw thrown;
                  }
                : (): Promise<never> => rejectWith(thrown);
            const { ran } = register(registry, failing, options);

            await run(registry);

            expect(ran).toEqual(['good']);
            expect(errors).toHaveLength(1);
            expect(errors[0]).toBeInstanceOf(HookError);
            expect(errors[0]?.cause).toBe(thrown);
            expect(errors[0]?.message).toContain("plugin 'hostile'");
          },
        );

        it.each(modes)(
          'should throw a HookError with the value as cause under fail-fast (handler %s)',
          async (how) => {
            const registry = new ExtensionRegistry({
              logger: serialisingLogger(),
              compileAfter,
              errorStrategy: 'fail-fast',
            });
            const thrown = hostile.make();
            const failing =
              how === 'throws'
                ? (): never => {
                    throw thrown;
                  }
                : (): Promise<never> => rejectWith(thrown);
            register(registry, failing, options);

            let caught: unknown;
            try {
              await run(registry);
            } catch (error) {
              caught = error;
            }

            expect(caught).toBeInstanceOf(HookError);
            expect((caught as HookError).cause).toBe(thrown);
          },
        );
      });
    });
  });
});
