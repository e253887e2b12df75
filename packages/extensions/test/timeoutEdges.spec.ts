import { describe, expect, it } from '@jest/globals';
import { defineFilter, ExtensionRegistry, HookError, ValidationError } from '@trellis/extensions';

const point = defineFilter<number>('timer.edges');
const later = (value: number, ms: number): Promise<number> =>
  new Promise((resolve) =>
    setTimeout(() => {
      resolve(value);
    }, ms),
  );
const timers = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe('timeouts at their edges', () => {
  describe('when a timeout is Infinity', () => {
    it('should mean no limit for a handler', async () => {
      const registry = new ExtensionRegistry({ errorStrategy: 'fail-fast' });
      registry.on(point, (value) => later(value + 1, 20), { timeout: Infinity });

      await expect(registry.filterAsync(point, 1)).resolves.toBe(2);
    });

    it('should mean no limit as the registry default', async () => {
      const registry = new ExtensionRegistry({ errorStrategy: 'fail-fast', defaultTimeout: Infinity });
      registry.on(point, (value) => later(value + 1, 20));

      await expect(registry.filterAsync(point, 1)).resolves.toBe(2);
      expect(registry.defaultTimeout).toBeUndefined();
    });

    it('should lift the registry default for the handler that sets it', async () => {
      const registry = new ExtensionRegistry({ errorStrategy: 'fail-fast', defaultTimeout: 5 });
      registry.on(point, (value) => later(value + 1, 30), { timeout: Infinity });

      await expect(registry.filterAsync(point, 1)).resolves.toBe(2);
    });
  });

  describe('when a timeout is longer than a timer can hold or not a number of ms', () => {
    it.each([2 ** 31, Number.MAX_VALUE, Number.NaN, -Infinity, 0])(
      'should refuse %p as a handler timeout, naming the option',
      (timeout) => {
        const registry = new ExtensionRegistry();
        expect(() => registry.on(point, (value) => value, { timeout })).toThrow(ValidationError);
        expect(() => registry.on(point, (value) => value, { timeout })).toThrow(/option timeout.*2147483647/);
      },
    );

    it.each([2 ** 31, Number.NaN, -1])('should refuse %p as the default timeout, naming the option', (ms) => {
      expect(() => new ExtensionRegistry({ defaultTimeout: ms })).toThrow(/option defaultTimeout/);
      expect(() => {
        new ExtensionRegistry().setDefaultTimeout(ms);
      }).toThrow(ValidationError);
    });

    it('should accept the longest timer, 2^31 - 1 ms', async () => {
      const registry = new ExtensionRegistry({ errorStrategy: 'fail-fast' });
      registry.on(point, (value) => later(value + 1, 5), { timeout: 2 ** 31 - 1 });

      await expect(registry.filterAsync(point, 1)).resolves.toBe(2);
    });
  });

  describe('when a handler returns a thenable whose then throws', () => {
    it('should report it at once and clear its timer', async () => {
      const registry = new ExtensionRegistry({ errorStrategy: 'fail-fast' });
      const thenable = {
        then(): never {
          throw new Error('then broke');
        },
      };
      let signal: AbortSignal | undefined;
      registry.on(
        point,
        (_value, ctx) => {
          signal = ctx.signal;
          return thenable as unknown as number;
        },
        { timeout: 600_000 },
      );
      const before = timers();

      const error: unknown = await registry.filterAsync(point, 1).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(HookError);
      expect((error as HookError).cause).toEqual(new Error('then broke'));
      expect(timers()).toBe(before);
      expect(signal?.aborted).toBe(false);
    });
  });
});
