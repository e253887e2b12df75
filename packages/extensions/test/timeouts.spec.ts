import { jest } from '@jest/globals';
import { ExtensionRegistry, HookError, HookTimeoutError, type HookContext } from '@trellis/extensions';

describe('handler timeouts', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  describe('when an async handler hangs past its timeout', () => {
    it('should reject with a HookTimeoutError under fail-fast', async () => {
      const registry = new ExtensionRegistry({ errorStrategy: 'fail-fast' });
      registry.on('slow.event', () => new Promise(() => undefined), { timeout: 500, plugin: 'sloth' });
      const result = registry.filterAsync('slow.event', 1);
      const settled = result.catch((error: unknown) => error);
      await jest.advanceTimersByTimeAsync(500);
      const error = await settled;
      expect(error).toBeInstanceOf(HookTimeoutError);
      expect(error).toBeInstanceOf(HookError);
      expect(error).toEqual(
        expect.objectContaining({
          code: 'TRELLIS_HOOK_TIMEOUT',
          timeout: 500,
          plugin: 'sloth',
          event: 'slow.event',
        }),
      );
      expect((error as Error).message).toMatch(/within 500 ms/);
    });

    it('should abort ctx.signal before the HookTimeoutError is raised', async () => {
      const registry = new ExtensionRegistry({ errorStrategy: 'fail-fast' });
      const events: string[] = [];
      let signal: AbortSignal | undefined;
      registry.on(
        'slow.event',
        (_value: unknown, ctx: HookContext) => {
          signal = ctx.signal;
          ctx.signal.addEventListener('abort', () => events.push('aborted'));
          return new Promise(() => undefined);
        },
        { timeout: 100 },
      );
      const settled = registry.filterAsync('slow.event', 1).catch((error: unknown) => {
        events.push('rejected');
        return error;
      });
      await jest.advanceTimersByTimeAsync(100);
      const error = await settled;
      expect(events).toEqual(['aborted', 'rejected']);
      expect(signal?.aborted).toBe(true);
      expect(signal?.reason).toBe(error);
    });

    it('should ignore the late result and go on under log-and-continue', async () => {
      const registry = new ExtensionRegistry();
      let finish: (value: number) => void = () => undefined;
      registry.on('slow.event', () => new Promise<number>((resolve) => (finish = resolve)), { timeout: 50 });
      registry.on('slow.event', (value: number) => value + 1, { priority: 'low' });
      const result = registry.filterAsync('slow.event', 1);
      await jest.advanceTimersByTimeAsync(50);
      await expect(result).resolves.toBe(2);
      // Settling after the timeout changes nothing (and raises no unhandled rejection).
      finish(1000);
      await jest.advanceTimersByTimeAsync(0);
      await expect(result).resolves.toBe(2);
    });

    it('should use the registry default timeout for handlers without their own', async () => {
      const registry = new ExtensionRegistry({ errorStrategy: 'fail-fast', defaultTimeout: 200 });
      registry.on('slow.event', () => new Promise(() => undefined));
      const settled = registry.notifyAsync('slow.event', {}).catch((error: unknown) => error);
      await jest.advanceTimersByTimeAsync(200);
      await expect(settled).resolves.toEqual(expect.objectContaining({ timeout: 200 }));
      expect(registry.defaultTimeout).toBe(200);
    });

    it('should not time out a handler that finishes in time', async () => {
      const registry = new ExtensionRegistry({ errorStrategy: 'fail-fast' });
      registry.on(
        'quick.event',
        async (value: number) => {
          await new Promise((resolve) => setTimeout(resolve, 10));
          return value + 1;
        },
        { timeout: 1000 },
      );
      const result = registry.filterAsync('quick.event', 1);
      await jest.advanceTimersByTimeAsync(10);
      await expect(result).resolves.toBe(2);
    });
  });

  describe('when a sync handler returns after its timeout', () => {
    it('should discard its result with a HookTimeoutError', () => {
      const registry = new ExtensionRegistry({ errorStrategy: 'collect-all' });
      registry.on(
        'sync.slow',
        (value: number) => {
          jest.advanceTimersByTime(30);
          return value * 100;
        },
        { timeout: 20, plugin: 'blocking' },
      );
      registry.on('sync.slow', (value: number) => value + 1, { priority: 'low' });
      let thrown: unknown;
      try {
        registry.filter('sync.slow', 1);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toEqual(
        expect.objectContaining({
          value: 2,
          errors: [expect.objectContaining({ name: 'HookTimeoutError', plugin: 'blocking', timeout: 20 })],
        }),
      );
    });

    it('should do the same in an asynchronous dispatch', async () => {
      const registry = new ExtensionRegistry({ errorStrategy: 'fail-fast' });
      registry.on(
        'sync.slow',
        () => {
          jest.advanceTimersByTime(30);
          return 5;
        },
        { timeout: 20 },
      );
      await expect(registry.filterAsync('sync.slow', 1)).rejects.toBeInstanceOf(HookTimeoutError);
    });
  });

  describe('when timeouts are given wrongly', () => {
    it('should throw a ValidationError', () => {
      const registry = new ExtensionRegistry();
      expect(() => registry.on('a.b', () => undefined, { timeout: 0 })).toThrow(/Invalid timeout/);
      expect(() => registry.on('a.b', () => undefined, { timeout: -1 })).toThrow(/Invalid timeout/);
      expect(() => new ExtensionRegistry({ defaultTimeout: Number.NaN })).toThrow(/Invalid default timeout/);
      expect(() => {
        registry.setDefaultTimeout(-5);
      }).toThrow(/Invalid default timeout/);
    });
  });
});
