import { spy } from './spy.js';
import {
  PluginManager,
  PluginBase,
  definePlugin,
  plugin,
  preDestroy,
  type PluginContext,
} from '../src/index.js';

function tracked(log: string[], name: string, options: { dependencies?: string[] } = {}) {
  return definePlugin({
    name,
    ...(options.dependencies === undefined ? {} : { dependencies: options.dependencies }),
    initialize() {
      log.push(`init:${name}`);
    },
    start() {
      log.push(`start:${name}`);
    },
    stop() {
      log.push(`stop:${name}`);
    },
  });
}

describe('PluginManager lifecycle', () => {
  describe('when plugins depend on each other', () => {
    it('should start dependencies first and stop in exact reverse', async () => {
      const log: string[] = [];
      const manager = new PluginManager({ logger: false });
      manager.register([
        tracked(log, 'app', { dependencies: ['db', 'cache'] }),
        tracked(log, 'cache', { dependencies: ['db'] }),
        tracked(log, 'db'),
      ]);
      const report = await manager.start();
      expect(report.started).toEqual(['db', 'cache', 'app']);
      await manager.stop();
      const starts = log.filter((entry) => entry.startsWith('start:')).map((entry) => entry.slice(6));
      const stops = log.filter((entry) => entry.startsWith('stop:')).map((entry) => entry.slice(5));
      expect(stops).toEqual([...starts].reverse());
      await manager.close();
    });

    it('should initialize a plugin only after its dependencies started', async () => {
      const log: string[] = [];
      const manager = new PluginManager({ logger: false });
      manager.register([tracked(log, 'b', { dependencies: ['a'] }), tracked(log, 'a')]);
      await manager.start();
      expect(log).toEqual(['init:a', 'start:a', 'init:b', 'start:b']);
      await manager.close();
    });
  });

  describe('when load() is called', () => {
    it('should load dependencies first and resolve to the instance', async () => {
      const log: string[] = [];
      const manager = new PluginManager({ logger: false });
      manager.register([tracked(log, 'b', { dependencies: ['a'] }), tracked(log, 'a')]);
      const instance = await manager.load('b');
      expect(manager.getPlugin('b')).toBe(instance);
      expect(manager.getLoadedPlugins()).toEqual(['b', 'a']);
      expect(log).toEqual(['init:a', 'init:b']);
      expect(await manager.load('b')).toBe(instance);
      await manager.close();
    });

    it('should share one instantiation between concurrent calls', async () => {
      const constructed = spy();
      const initialized = spy();
      @plugin({ name: 'slow' })
      class Slow {
        constructor() {
          constructed();
        }
        async initialize() {
          initialized();
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }
      const manager = new PluginManager({ logger: false });
      manager.register(Slow);
      const [first, second, third] = await Promise.all([
        manager.load('slow'),
        manager.load('slow'),
        manager.loadAll(),
      ]);
      expect(first).toBe(second);
      expect(third.loaded).toEqual(['slow']);
      expect(constructed.calls).toHaveLength(1);
      expect(initialized.calls).toHaveLength(1);
      await manager.close();
    });
  });

  describe('when start() or loadAll() meets a load in progress', () => {
    function slowPlugin(log: string[], name: string, options: { fail?: boolean } = {}) {
      return definePlugin({
        name,
        async initialize() {
          log.push(`init:${name}`);
          await new Promise((resolve) => setTimeout(resolve, 5));
          if (options.fail === true) throw new Error(`${name} broke`);
          log.push(`ready:${name}`);
        },
        start() {
          log.push(`start:${name}`);
        },
      });
    }

    it('should wait for it and start the plugin once initialized', async () => {
      const log: string[] = [];
      const manager = new PluginManager({ logger: false });
      manager.register(slowPlugin(log, 'slow'));
      const loading = manager.load('slow');
      const report = await manager.start();
      expect(report.failed).toEqual([]);
      expect(report.started).toEqual(['slow']);
      expect(log).toEqual(['init:slow', 'ready:slow', 'start:slow']);
      expect(await loading).toBe(manager.getPlugin('slow'));
      await manager.close();
    });

    it('should load the dependents of a plugin being loaded', async () => {
      const log: string[] = [];
      const manager = new PluginManager({ logger: false });
      manager.register([slowPlugin(log, 'a'), definePlugin({ name: 'b', dependencies: ['a'] })]);
      const loading = manager.load('a');
      const report = await manager.loadAll();
      expect(report.failed).toEqual([]);
      expect(report.loaded).toEqual(['a', 'b']);
      await loading;
      await manager.close();
    });

    it('should report the plugin failed when that load fails', async () => {
      const log: string[] = [];
      const manager = new PluginManager({ logger: false });
      manager.register(slowPlugin(log, 'broken', { fail: true }));
      const loading = manager.load('broken').catch((error: unknown) => error);
      const report = await manager.loadAll();
      expect(report.loaded).toEqual([]);
      expect(report.failed.map((failure) => [failure.name, failure.error.code])).toEqual([
        ['broken', 'TRELLIS_PLUGIN_LOAD'],
      ]);
      expect(await loading).toBe(report.failed[0]?.error);
      await manager.close();
    });
  });

  describe('when loadAll() runs', () => {
    it('should report loaded, failed and skipped plugins in dependency order', async () => {
      const manager = new PluginManager({ logger: false });
      manager.register([
        definePlugin({ name: 'b', dependencies: ['a'] }),
        definePlugin({ name: 'a' }),
        definePlugin({ name: 'off' }),
        definePlugin({
          name: 'broken',
          initialize() {
            throw new Error('nope');
          },
        }),
      ]);
      manager.disablePlugin('off');
      const report = await manager.loadAll();
      expect(report.loaded).toEqual(['a', 'b']);
      expect(report.skipped).toEqual(['off']);
      expect(report.failed.map((failure) => failure.name)).toEqual(['broken']);
      expect(manager.getState('a')).toBe('loaded');
      await manager.close();
    });
  });

  describe('when stop() is called before start() or twice', () => {
    it('should do nothing and not throw', async () => {
      const log: string[] = [];
      const manager = new PluginManager({ logger: false });
      manager.register(tracked(log, 'a'));
      expect((await manager.stop()).stopped).toEqual([]);
      await manager.start();
      expect((await manager.stop()).stopped).toEqual(['a']);
      expect((await manager.stop()).stopped).toEqual([]);
      expect(log.filter((entry) => entry === 'stop:a')).toHaveLength(1);
      expect(manager.getState('a')).toBe('stopped');
      await manager.close();
    });
  });

  describe('when stop() is called while start() runs', () => {
    it('should let start() finish, then stop every plugin it started', async () => {
      const log: string[] = [];
      const slow = (name: string) =>
        definePlugin({
          name,
          async start() {
            await new Promise((resolve) => setTimeout(resolve, 5));
            log.push(`start:${name}`);
          },
          stop() {
            log.push(`stop:${name}`);
          },
        });
      const manager = new PluginManager({ logger: false });
      manager.register([slow('a'), slow('b'), slow('c')]);
      const starting = manager.start();
      await new Promise((resolve) => setTimeout(resolve, 7));
      const stopped = await manager.stop();
      expect(stopped.stopped).toEqual(['c', 'b', 'a']);
      expect(log).toEqual(['start:a', 'start:b', 'start:c', 'stop:c', 'stop:b', 'stop:a']);
      expect(manager.status().map((row) => row.state)).toEqual(['stopped', 'stopped', 'stopped']);
      expect((await starting).started).toEqual(['a', 'b', 'c']);
      await manager.close();
    });
  });

  describe('when plugins are unloaded', () => {
    it('should unload dependents first, remove hooks and run @preDestroy', async () => {
      const destroyed: string[] = [];
      @plugin({ name: 'base' })
      class Base {
        @preDestroy()
        dispose() {
          destroyed.push('base');
        }
      }
      @plugin({ name: 'user', dependencies: ['base'] })
      class User {
        @preDestroy()
        dispose() {
          destroyed.push('user');
        }
      }
      const manager = new PluginManager({ logger: false });
      manager.register([Base, User]);
      await manager.start();
      manager.registerHook('x', () => 1, { plugin: 'base' });
      await manager.unload('base');
      expect(destroyed).toEqual(['user', 'base']);
      expect(manager.getState('base')).toBe('unloaded');
      expect(manager.getState('user')).toBe('unloaded');
      expect(manager.getPlugin(Base)).toBeUndefined();
      expect(manager.getEvents()).toEqual([]);
      await manager.close();
    });
  });

  describe('when the context signal is used', () => {
    it('should abort it on stop and give a fresh one on the next start', async () => {
      const signals: AbortSignal[] = [];
      @plugin({ name: 'worker' })
      class Worker extends PluginBase {
        start() {
          signals.push(this.ctx.signal);
        }
      }
      const manager = new PluginManager({ logger: false });
      manager.register(Worker);
      await manager.start();
      expect(signals[0]?.aborted).toBe(false);
      await manager.stop();
      expect(signals[0]?.aborted).toBe(true);
      await manager.start();
      expect(signals[1]?.aborted).toBe(false);
      expect(signals[1]).not.toBe(signals[0]);
      await manager.close();
      expect(signals[1]?.aborted).toBe(true);
    });

    it('should give a signal first read in stop() or after unload already aborted, with the reason', async () => {
      const reasons: unknown[] = [];
      let ctx: PluginContext | undefined;
      @plugin({ name: 'late' })
      class Late extends PluginBase {
        initialize(context: PluginContext) {
          ctx = context;
        }
        stop() {
          reasons.push(this.ctx.signal.aborted, (this.ctx.signal.reason as Error).message);
        }
      }
      const manager = new PluginManager({ logger: false });
      manager.register(Late);
      await manager.start();
      await manager.close();
      expect(reasons).toEqual([true, "plugin 'late' is stopping"]);
      expect(ctx?.signal.aborted).toBe(true);

      const unloaded = new PluginManager({ logger: false });
      unloaded.register(Late);
      await unloaded.load('late');
      await unloaded.unload('late');
      expect(ctx?.signal.aborted).toBe(true);
      expect((ctx?.signal.reason as Error).message).toBe("plugin 'late' is unloaded");
    });
  });

  describe('when close() runs', () => {
    it('should stop and unload everything', async () => {
      const manager = new PluginManager({ logger: false });
      manager.register([definePlugin({ name: 'a' }), definePlugin({ name: 'b' })]);
      await manager.start();
      await manager.close();
      expect(manager.status().map((row) => row.state)).toEqual(['unloaded', 'unloaded']);
      expect(manager.getLoadedPlugins()).toEqual([]);
    });

    it('should run through Symbol.asyncDispose', async () => {
      const stopped = spy();
      const manager = new PluginManager({ logger: false });
      manager.register(definePlugin({ name: 'a', stop: stopped }));
      await manager.start();
      await manager[Symbol.asyncDispose]();
      expect(stopped.calls).toHaveLength(1);
      expect(manager.getState('a')).toBe('unloaded');
    });
  });

  describe('when lifecycle events are observed', () => {
    it('should deliver them before the causing call resolves, with the payload', async () => {
      const seen: string[] = [];
      const manager = new PluginManager({ logger: false });
      for (const event of Object.values(PluginManager.EVENTS)) {
        manager.extensions.on(
          event,
          async (payload: { pluginName?: string; version?: string; plugins?: string[] }) => {
            await Promise.resolve();
            seen.push(`${event}:${payload.pluginName ?? (payload.plugins ?? []).join(',')}`);
          },
        );
      }
      manager.register(definePlugin({ name: 'a', version: '1.2.3' }));
      await manager.start();
      expect(seen).toEqual(['trellis.plugin.loaded:a', 'trellis.plugin.started:a', 'trellis.app.startup:a']);
      await manager.close();
      expect(seen.slice(3)).toEqual([
        'trellis.app.stopping:a',
        'trellis.plugin.stopped:a',
        'trellis.app.shutdown:a',
        'trellis.plugin.unloaded:a',
      ]);
    });

    it('should announce registrations to synchronous listeners', () => {
      const manager = new PluginManager({ logger: false });
      const registered = spy();
      manager.extensions.on(PluginManager.EVENTS.registered, registered);
      manager.register(definePlugin({ name: 'a', version: '2.0.0' }));
      expect(registered.calls[0]?.[0]).toEqual({ pluginName: 'a', version: '2.0.0' });
    });

    it('should announce failures with the error', async () => {
      const manager = new PluginManager({ logger: false });
      const errors: { pluginName: string; error: Error }[] = [];
      manager.extensions.on(PluginManager.EVENTS.error, (payload: { pluginName: string; error: Error }) => {
        errors.push(payload);
      });
      manager.register(
        definePlugin({
          name: 'bad',
          start() {
            throw new Error('boom');
          },
        }),
      );
      await manager.start();
      expect(errors.map((entry) => [entry.pluginName, (entry.error as { code?: string }).code])).toEqual([
        ['bad', 'TRELLIS_PLUGIN_LOAD'],
      ]);
      await manager.close();
    });
  });

  describe('when initialize gets its context', () => {
    it('should hand the plugin its name, version, config and logger', async () => {
      let seen: PluginContext | undefined;
      const manager = new PluginManager({ logger: false, config: { ctx: { a: 1 } } });
      manager.register(
        definePlugin({
          name: 'ctx',
          version: '3.0.0',
          initialize(ctx) {
            seen = ctx;
          },
        }),
      );
      await manager.start();
      expect(seen?.name).toBe('ctx');
      expect(seen?.version).toBe('3.0.0');
      expect(seen?.config.get('a')).toBe(1);
      expect(typeof seen?.logger.info).toBe('function');
      await manager.close();
    });
  });
});
