import {
  ConfigValidationError,
  DependencyError,
  LifecycleTimeoutError,
  PluginLoadError,
  PluginManager,
  StartupError,
  TrellisError,
  ValidationError,
  definePlugin,
  plugin,
  type PluginStatus,
} from '../src/index.js';

const ok = (name: string, extra: Parameters<typeof definePlugin>[0] | object = {}) =>
  definePlugin({ name, ...extra });
const never = () => new Promise<void>(() => undefined);
const boom = (message: string) => () => {
  throw new Error(message);
};

function row(manager: PluginManager, name: string): PluginStatus {
  const found = manager.status().find((entry) => entry.name === name);
  if (found === undefined) throw new Error(`no status row for ${name}`);
  return found;
}

describe('PluginManager failure isolation', () => {
  let manager: PluginManager;
  afterEach(async () => {
    await manager.close();
  });

  describe('when a dependency is missing', () => {
    it('should fail the plugin with DependencyError and start the others', async () => {
      manager = new PluginManager({ logger: false });
      manager.register([ok('welcome', { dependencies: { auth: '^1.2.0' } }), ok('other')]);
      const report = await manager.start();
      expect(report.started).toEqual(['other']);
      const error = report.failed[0]?.error;
      expect(error).toBeInstanceOf(DependencyError);
      expect(error?.code).toBe('TRELLIS_DEPENDENCY_MISSING');
      expect(error?.message).toContain("'auth'");
      expect(row(manager, 'welcome')).toMatchObject({
        state: 'failed',
        lastError: { code: 'TRELLIS_DEPENDENCY_MISSING' },
      });
    });
  });

  describe('when a dependency has the wrong version', () => {
    it('should name both plugins and the range', async () => {
      manager = new PluginManager({ logger: false });
      manager.register([
        ok('auth', { version: '1.0.0' }),
        ok('welcome', { dependencies: { auth: '^2.0.0' } }),
      ]);
      const report = await manager.start();
      expect(report.started).toEqual(['auth']);
      expect(report.failed[0]?.error.code).toBe('TRELLIS_DEPENDENCY_VERSION');
      expect(report.failed[0]?.error.message).toContain(
        'auth@1.0.0 does not satisfy ^2.0.0 required by welcome',
      );
    });
  });

  describe('when the host version is outside engines.trellis', () => {
    it('should fail the plugin with TRELLIS_DEPENDENCY_ENGINE', async () => {
      manager = new PluginManager({ logger: false });
      manager.register([
        ok('future', { engines: { trellis: '^2.0.0' } }),
        ok('current', { engines: { trellis: '^1.0.0' } }),
      ]);
      const report = await manager.start();
      expect(report.started).toEqual(['current']);
      expect(report.failed[0]?.error.code).toBe('TRELLIS_DEPENDENCY_ENGINE');
    });
  });

  describe('when a dependency fails', () => {
    it('should fail its dependents with DependencyError naming it, without instantiating them', async () => {
      const constructed: string[] = [];
      @plugin({ name: 'flaky' })
      class Flaky {
        start() {
          throw new Error('gateway down');
        }
      }
      @plugin({ name: 'billing', dependencies: ['flaky'] })
      class Billing {
        constructor() {
          constructed.push('billing');
        }
      }
      @plugin({ name: 'invoices', dependencies: ['billing'] })
      class Invoices {
        constructor() {
          constructed.push('invoices');
        }
      }
      manager = new PluginManager({ logger: false });
      manager.register([Invoices, Billing, Flaky, ok('healthy')]);
      const report = await manager.start();
      expect(report.started).toEqual(['healthy']);
      expect(report.failed.map((failure) => [failure.name, failure.error.code])).toEqual([
        ['flaky', 'TRELLIS_PLUGIN_LOAD'],
        ['billing', 'TRELLIS_DEPENDENCY_FAILED'],
        ['invoices', 'TRELLIS_DEPENDENCY_FAILED'],
      ]);
      expect(report.failed[1]?.error.message).toContain("'flaky'");
      expect((report.failed[1]?.error as DependencyError).dependency).toBe('flaky');
      expect(constructed).toEqual([]);
    });
  });

  describe('when there is a cycle of two', () => {
    it('should fail both with the cycle path and start the rest', async () => {
      manager = new PluginManager({ logger: false });
      manager.register([ok('a', { dependencies: ['b'] }), ok('b', { dependencies: ['a'] }), ok('c')]);
      const report = await manager.start();
      expect(report.started).toEqual(['c']);
      expect(report.failed.map((failure) => failure.error.code)).toEqual([
        'TRELLIS_DEPENDENCY_CYCLE',
        'TRELLIS_DEPENDENCY_CYCLE',
      ]);
      expect(row(manager, 'a').lastError?.message).toContain('cycle: a -> b -> a');
      expect(manager.graph().cycles).toEqual([['a', 'b', 'a']]);
    });
  });

  describe('when there is a cycle of four', () => {
    it('should print the whole cycle and fail what depends on it', async () => {
      manager = new PluginManager({ logger: false });
      manager.register([
        ok('a', { dependencies: ['b'] }),
        ok('b', { dependencies: ['c'] }),
        ok('c', { dependencies: ['d'] }),
        ok('d', { dependencies: ['a'] }),
        ok('e', { dependencies: ['a'] }),
        ok('f'),
      ]);
      const report = await manager.start();
      expect(report.started).toEqual(['f']);
      const errors = Object.fromEntries(report.failed.map((failure) => [failure.name, failure.error]));
      expect(errors.a?.message).toContain('cycle: a -> b -> c -> d -> a');
      expect((errors.c as DependencyError).cycle).toEqual(['a', 'b', 'c', 'd', 'a']);
      expect(errors.e?.code).toBe('TRELLIS_DEPENDENCY_FAILED');
    });
  });

  describe("when a plugin's own code throws", () => {
    it.each([
      ['constructor', 'construct'],
      ['initialize', 'initialize'],
      ['start', 'start'],
    ])('should wrap a %s exception in PluginLoadError with the cause', async (where, phase) => {
      const cause = new Error(`${where} broke`);
      @plugin({ name: 'broken' })
      class Broken {
        constructor() {
          if (where === 'constructor') throw cause;
        }
        initialize() {
          if (where === 'initialize') throw cause;
        }
        async start() {
          if (where === 'start') throw cause;
        }
      }
      manager = new PluginManager({ logger: false });
      manager.register([Broken, ok('fine')]);
      const report = await manager.start();
      expect(report.started).toEqual(['fine']);
      const error = report.failed[0]?.error as PluginLoadError;
      expect(error).toBeInstanceOf(PluginLoadError);
      expect(error.cause).toBe(cause);
      expect(error.phase).toBe(phase);
      expect(row(manager, 'broken')).toMatchObject({
        state: 'failed',
        lastError: { code: 'TRELLIS_PLUGIN_LOAD' },
      });
      expect(manager.getPlugin('broken')).toBeUndefined();
    });

    it('should collect a stop() exception and still stop the others', async () => {
      manager = new PluginManager({ logger: false });
      const stopped: string[] = [];
      manager.register([
        ok('first', { stop: () => void stopped.push('first') }),
        ok('second', { stop: boom('cannot stop') }),
        ok('third', { stop: () => void stopped.push('third') }),
      ]);
      await manager.start();
      const report = await manager.stop();
      expect(report.stopped).toEqual(['third', 'first']);
      expect(report.failed.map((failure) => [failure.name, failure.error.code])).toEqual([
        ['second', 'TRELLIS_PLUGIN_LOAD'],
      ]);
      expect(stopped).toEqual(['third', 'first']);
      expect(row(manager, 'second')).toMatchObject({
        state: 'failed',
        lastError: { code: 'TRELLIS_PLUGIN_LOAD' },
      });
    });
  });

  describe('when a lifecycle method never resolves', () => {
    it.each(['initialize', 'start', 'stop'] as const)(
      'should fail %s with LifecycleTimeoutError and go on',
      async (phase) => {
        let signal: AbortSignal | undefined;
        manager = new PluginManager({ logger: false, lifecycleTimeout: 50 });
        manager.register([
          ok('hang', {
            initialize(ctx: { signal: AbortSignal }) {
              signal = ctx.signal;
              return phase === 'initialize' ? never() : undefined;
            },
            start: phase === 'start' ? never : undefined,
            stop: phase === 'stop' ? never : undefined,
          }),
          ok('fine'),
        ]);
        const started = await manager.start();
        const stopped = await manager.stop();
        const failure = [...started.failed, ...stopped.failed][0];
        expect(failure?.name).toBe('hang');
        expect(failure?.error).toBeInstanceOf(LifecycleTimeoutError);
        expect((failure?.error as LifecycleTimeoutError).phase).toBe(phase);
        expect(signal?.aborted).toBe(true);
        expect(started.started).toContain('fine');
        expect(stopped.stopped).toContain('fine');
        expect(row(manager, 'hang').lastError?.code).toBe('TRELLIS_LIFECYCLE_TIMEOUT');
      },
    );
  });

  describe('when config is invalid', () => {
    it('should report every problem at once in one ConfigValidationError', async () => {
      manager = new PluginManager({
        logger: false,
        config: { db: { url: 42, poolSize: 500, mode: 'turbo' } },
      });
      manager.register([
        ok('db', {
          config: {
            url: { type: 'string', required: true },
            poolSize: { type: 'integer', max: 50 },
            mode: { type: 'string', enum: ['fast', 'safe'] },
            user: { type: 'string', required: true },
          },
        }),
        ok('fine'),
      ]);
      const report = await manager.start();
      expect(report.started).toEqual(['fine']);
      const error = report.failed[0]?.error as ConfigValidationError;
      expect(error).toBeInstanceOf(ConfigValidationError);
      expect(error.problems.map((problem) => problem.key)).toEqual(['url', 'poolSize', 'mode', 'user']);
      expect(error.message).toMatch(/url: expected a string/);
      expect(error.message).toMatch(/poolSize: must be at most 50/);
      expect(error.message).toMatch(/mode: must be one of/);
      expect(error.message).toMatch(/user: is required/);
    });
  });

  describe('when the error strategy is unknown', () => {
    it('should throw ValidationError from setErrorStrategy and the constructor', () => {
      manager = new PluginManager({ logger: false });
      expect(() => {
        manager.setErrorStrategy('explode' as never);
      }).toThrow(ValidationError);
      expect(() => new PluginManager({ logger: false, errorStrategy: 'explode' as never })).toThrow(
        ValidationError,
      );
      expect(manager.extensions.errorStrategy).toBe('log-and-continue');
    });
  });

  describe('when other options are invalid', () => {
    it('should throw ValidationError', () => {
      manager = new PluginManager({ logger: false });
      expect(() => new PluginManager({ onPluginFailure: 'panic' as never })).toThrow(ValidationError);
      expect(() => new PluginManager({ lifecycleTimeout: -1 })).toThrow(ValidationError);
    });
  });

  describe("when onPluginFailure is 'abort'", () => {
    it('should reject with every failure found before running plugin code', async () => {
      const constructed: string[] = [];
      manager = new PluginManager({ logger: false, onPluginFailure: 'abort', config: { cfg: { n: 'x' } } });
      manager.register([
        ok('missing-dep', { dependencies: ['ghost'] }),
        ok('cfg', { config: { n: { type: 'number' } } }),
        ok('fine', {
          initialize() {
            constructed.push('fine');
          },
        }),
      ]);
      const error: unknown = await manager.start().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StartupError);
      expect((error as StartupError).errors.map((entry) => entry.code)).toEqual([
        'TRELLIS_DEPENDENCY_MISSING',
        'TRELLIS_CONFIG_VALIDATION',
      ]);
      expect(constructed).toEqual([]);
    });

    it('should stop what started in reverse order and reject at the first runtime failure', async () => {
      const log: string[] = [];
      manager = new PluginManager({ logger: false, onPluginFailure: 'abort' });
      manager.register([
        ok('a', { start: () => void log.push('start:a'), stop: () => void log.push('stop:a') }),
        ok('b', { start: () => void log.push('start:b'), stop: () => void log.push('stop:b') }),
        ok('c', { start: boom('c fails') }),
        ok('d', { start: () => void log.push('start:d') }),
      ]);
      const error: unknown = await manager.start().catch((caught: unknown) => caught);
      expect(TrellisError.is(error, 'TRELLIS_STARTUP')).toBe(true);
      expect((error as StartupError).errors.map((entry) => entry.code)).toEqual(['TRELLIS_PLUGIN_LOAD']);
      expect(log).toEqual(['start:a', 'start:b', 'stop:b', 'stop:a']);
      expect(manager.getState('d')).toBe('registered');
      expect(manager.getState('c')).toBe('failed');
    });

    it('should reject loadAll() and unload what it loaded', async () => {
      manager = new PluginManager({ logger: false, onPluginFailure: 'abort' });
      manager.register([ok('a'), ok('b', { initialize: boom('b fails') })]);
      await expect(manager.loadAll()).rejects.toBeInstanceOf(StartupError);
      expect(manager.getState('a')).toBe('unloaded');
    });
  });

  describe('when a failed plugin is fixed', () => {
    it('should load on the next attempt and clear its last error', async () => {
      let fail = true;
      manager = new PluginManager({ logger: false });
      manager.register(
        ok('sometimes', {
          initialize() {
            if (fail) throw new Error('not yet');
          },
        }),
      );
      await expect(manager.load('sometimes')).rejects.toBeInstanceOf(PluginLoadError);
      fail = false;
      await manager.load('sometimes');
      expect(row(manager, 'sometimes')).toMatchObject({ state: 'loaded', lastError: null });
    });
  });
});
