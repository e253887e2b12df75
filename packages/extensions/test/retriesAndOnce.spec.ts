import { jest } from '@jest/globals';
import { ExtensionRegistry, HookError, HookTimeoutError } from '@trellis/extensions';

describe('retries', () => {
  describe('when a handler fails fewer times than its retries', () => {
    it('should re-run it and use its eventual result', async () => {
      const registry = new ExtensionRegistry({ errorStrategy: 'fail-fast' });
      let calls = 0;
      registry.on(
        'flaky.op',
        (value: number) => {
          calls++;
          if (calls < 3) throw new Error(`attempt ${calls}`);
          return value + calls;
        },
        { retries: 2 },
      );
      expect(registry.filter('flaky.op', 10)).toBe(13);
      calls = 0;
      await expect(registry.filterAsync('flaky.op', 10)).resolves.toBe(13);
    });
  });

  describe('when a handler keeps failing', () => {
    it('should count as failed after 1 + retries attempts', async () => {
      const registry = new ExtensionRegistry({ errorStrategy: 'fail-fast' });
      const handler = jest.fn(async () => {
        throw new Error('always');
      });
      registry.on('flaky.op', handler, { retries: 3 });
      await expect(registry.notifyAsync('flaky.op', {})).rejects.toBeInstanceOf(HookError);
      expect(handler).toHaveBeenCalledTimes(4);
    });

    it('should retry a timed-out attempt', async () => {
      jest.useFakeTimers();
      try {
        const registry = new ExtensionRegistry({ errorStrategy: 'fail-fast' });
        let calls = 0;
        registry.on(
          'flaky.op',
          () => {
            calls++;
            return calls === 1 ? new Promise(() => undefined) : Promise.resolve('second try');
          },
          { retries: 1, timeout: 100 },
        );
        const result = registry.filterAsync('flaky.op', 'input');
        await jest.advanceTimersByTimeAsync(100);
        await expect(result).resolves.toBe('second try');
        expect(calls).toBe(2);
      } finally {
        jest.useRealTimers();
      }
    });
  });

  describe('when a handler stops propagation', () => {
    it('should not be retried', () => {
      const registry = new ExtensionRegistry();
      const handler = jest.fn((_value: unknown, ctx: { stop(value?: unknown): void }) => {
        ctx.stop('done');
      });
      registry.on('flaky.op', handler, { retries: 5 });
      expect(registry.filter('flaky.op', 'x')).toBe('done');
      expect(handler).toHaveBeenCalledTimes(1);
    });
  });

  describe('when retries are invalid', () => {
    it('should throw a ValidationError', () => {
      const registry = new ExtensionRegistry();
      expect(() => registry.on('a.b', () => undefined, { retries: -1 })).toThrow(/Invalid retries/);
      expect(() => registry.on('a.b', () => undefined, { retries: 1.5 })).toThrow(/Invalid retries/);
    });
  });
});

describe('once', () => {
  describe('when a handler is registered with once', () => {
    it('should run on the first dispatch only and then be gone', async () => {
      const registry = new ExtensionRegistry();
      const handler = jest.fn((value: number) => value + 1);
      registry.on('one.time', handler, { once: true });
      expect(registry.filter('one.time', 1)).toBe(2);
      expect(registry.filter('one.time', 1)).toBe(1);
      await expect(registry.filterAsync('one.time', 1)).resolves.toBe(1);
      expect(handler).toHaveBeenCalledTimes(1);
      expect(registry.hasHandlers('one.time')).toBe(false);
    });

    it('should run at most once even when its event is re-entered during its run', () => {
      const registry = new ExtensionRegistry();
      let runs = 0;
      registry.on(
        'one.time',
        () => {
          runs++;
          registry.notify('one.time');
        },
        { once: true },
      );
      registry.notify('one.time');
      expect(runs).toBe(1);
    });

    it('should not be consumed by a synchronous dispatch that skips it', async () => {
      const registry = new ExtensionRegistry();
      let calls = 0;
      registry.on(
        'one.time',
        async () => {
          calls++;
          return 'async once';
        },
        { once: true },
      );
      expect(registry.collect('one.time')).toEqual([]);
      await expect(registry.collectAsync('one.time')).resolves.toEqual(['async once']);
      expect(calls).toBe(1);
    });
  });
});

describe('HookTimeoutError', () => {
  it('should be a HookError', () => {
    expect(new HookTimeoutError({ event: 'e', plugin: 'p', timeout: 5 })).toBeInstanceOf(HookError);
  });
});
