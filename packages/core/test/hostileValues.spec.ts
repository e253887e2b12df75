import { Writable } from 'node:stream';
import { pino } from 'pino';
import { PluginLoadError, PluginManager, ValidationError, definePlugin, type Logger } from '../src/index.js';

/** A pino logger writing to memory, with the number of bytes written. */
function memoryLogger(): { logger: Logger; bytes: () => number } {
  let bytes = 0;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), bytes: () => bytes };
}

const hostileValues: [string, () => unknown][] = [
  ['a null-prototype object', () => Object.create(null) as object],
  [
    'a Proxy whose traps throw',
    () =>
      new Proxy(
        {},
        {
          get() {
            throw new Error('trap');
          },
          getPrototypeOf() {
            throw new Error('trap');
          },
          ownKeys() {
            throw new Error('trap');
          },
          has() {
            throw new Error('trap');
          },
        },
      ),
  ],
  [
    'an Error whose message getter throws',
    () => {
      const error = new Error('x');
      Object.defineProperty(error, 'message', {
        get() {
          throw new Error('getter');
        },
      });
      return error;
    },
  ],
];

describe('PluginManager with hostile values', () => {
  describe.each(hostileValues)('when a lifecycle method throws %s', (_label, make) => {
    it.each(['initialize', 'start'] as const)(
      'should fail the plugin in %s with a PluginLoadError whose cause is the value, logging without throwing',
      async (phase) => {
        const thrown = make();
        const { logger } = memoryLogger();
        const manager = new PluginManager({ logger });
        manager.register(
          definePlugin({
            name: 'hostile',
            [phase]: () => {
              throw thrown;
            },
          }),
        );
        const report = await manager.start();
        const error = report.failed[0]?.error;
        expect(error).toBeInstanceOf(PluginLoadError);
        expect(error?.cause).toBe(thrown);
        expect(manager.status()[0]?.lastError?.code).toBe('TRELLIS_PLUGIN_LOAD');
        await manager.close();
      },
    );

    it('should fail the plugin the same way when start() rejects with it', async () => {
      const thrown = make();
      const manager = new PluginManager({ logger: memoryLogger().logger });
      manager.register(definePlugin({ name: 'hostile', start: () => Promise.reject(thrown as Error) }));
      const report = await manager.start();
      expect(report.failed[0]?.error.cause).toBe(thrown);
      await manager.close();
    });
  });

  describe('when start() returns a thenable whose then() throws', () => {
    it('should fail the plugin at once and leave no timer behind', async () => {
      const timers = (): number =>
        process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
      const manager = new PluginManager({ logger: false, lifecycleTimeout: 60_000 });
      const broken = new Error('then broke');
      manager.register(
        definePlugin({
          name: 'thenable',
          start: () => ({
            then() {
              throw broken;
            },
          }),
        }),
      );
      const before = timers();
      const report = await manager.start();
      expect(report.failed[0]?.error.cause).toBe(broken);
      expect(timers()).toBeLessThanOrEqual(before);
      await manager.close();
    });
  });
});

describe('PluginManager timeout options', () => {
  describe('when a timeout is Infinity', () => {
    it('should mean no limit, for hooks and lifecycle methods', async () => {
      const manager = new PluginManager({ logger: false, hookTimeout: Infinity, lifecycleTimeout: Infinity });
      manager.register(
        definePlugin({
          name: 'slow',
          start: () => new Promise<void>((resolve) => setTimeout(resolve, 5)),
          hooks: [
            {
              on: 'value',
              handler: (value: number) =>
                new Promise<number>((resolve) =>
                  setTimeout(() => {
                    resolve(value + 1);
                  }, 5),
                ),
            },
          ],
        }),
      );
      const report = await manager.start();
      expect(report.started).toEqual(['slow']);
      await expect(manager.triggerAsync('value', 1)).resolves.toBe(2);
      await manager.close();
    });
  });

  describe.each([
    ['hookTimeout', 2 ** 31],
    ['hookTimeout', Number.NaN],
    ['hookTimeout', -Infinity],
    ['lifecycleTimeout', 2 ** 31],
    ['lifecycleTimeout', Number.NaN],
    ['lifecycleTimeout', 0],
  ])('when %s is %p', (option, value) => {
    it('should be refused with a ValidationError saying what is allowed', () => {
      expect(() => new PluginManager({ logger: false, [option]: value })).toThrow(ValidationError);
      expect(() => new PluginManager({ logger: false, [option]: value })).toThrow(
        /up to 2147483647.*Infinity/,
      );
    });
  });
});

describe('PluginManager with a failing chain of 1,000 plugins', () => {
  describe('when the first plugin of the chain fails', () => {
    it('should keep each message short, naming the root failure once, with the chain reachable through cause', async () => {
      const { logger, bytes } = memoryLogger();
      const manager = new PluginManager({ logger });
      const count = 1_000;
      manager.register(
        Array.from({ length: count }, (_, index) =>
          definePlugin({
            name: `p${index}`,
            dependencies: index === 0 ? [] : [`p${index - 1}`],
            ...(index === 0
              ? {
                  initialize: () => {
                    throw new Error('root cause');
                  },
                }
              : {}),
          }),
        ),
      );
      const report = await manager.start();
      expect(report.failed).toHaveLength(count);
      const last = report.failed[count - 1]?.error;
      expect(last?.message).toBe(
        `Plugin 'p999' depends on 'p998', which failed (because 'p0' failed: TRELLIS_PLUGIN_LOAD). Fix 'p0' first.`,
      );
      let depth = 0;
      for (let error: unknown = last; error instanceof Error; error = error.cause) depth++;
      expect(depth).toBe(count + 1); // 999 DependencyErrors, the PluginLoadError, the plugin's own Error
      const statusBytes = JSON.stringify(manager.status()).length;
      // Linear and small per plugin (each row is a few hundred bytes).
      expect(statusBytes).toBeLessThan(count * 400);
      expect(bytes()).toBeLessThan(count * 1_000);
      await manager.close();
    });
  });
});
