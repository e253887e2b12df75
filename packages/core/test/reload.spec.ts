import { PluginManager, definePlugin, inject, plugin, PluginLoadError } from '../src/index.js';

describe('PluginManager.reload', () => {
  let manager: PluginManager;
  afterEach(async () => {
    await manager.close();
  });

  @plugin({ name: 'store', version: '1.0.0' })
  class StoreV1 {
    readonly version = 1;
  }
  @plugin({ name: 'store', version: '1.1.0' })
  class StoreV2 {
    readonly version = 2;
  }
  @plugin({ name: 'reader', dependencies: { store: '^1.0.0' } })
  class Reader {
    constructor(@inject(StoreV1) readonly store: { version: number }) {}
  }

  describe('when a running plugin is reloaded', () => {
    it('should stop and unload it and its dependents, then bring them back with new instances', async () => {
      const log: string[] = [];
      manager = new PluginManager({ logger: false });
      manager.register([
        definePlugin({
          name: 'base',
          start: () => void log.push('start:base'),
          stop: () => void log.push('stop:base'),
        }),
        definePlugin({
          name: 'user',
          dependencies: ['base'],
          start: () => void log.push('start:user'),
          stop: () => void log.push('stop:user'),
        }),
        definePlugin({ name: 'bystander', stop: () => void log.push('stop:bystander') }),
      ]);
      await manager.start();
      const before = manager.getPlugin('base');
      log.length = 0;
      const report = await manager.reload('base');
      expect(report).toEqual({ reloaded: ['base', 'user'], failed: [] });
      expect(log).toEqual(['stop:user', 'stop:base', 'start:base', 'start:user']);
      expect(manager.getPlugin('base')).not.toBe(before);
      expect(manager.getState('user')).toBe('started');
    });
  });

  describe('when a class was replaced before the reload', () => {
    it('should swap in the new class', async () => {
      manager = new PluginManager({ logger: false });
      manager.register(StoreV1);
      await manager.start();
      manager.register(StoreV2, { replace: true });
      expect(manager.getPlugin<StoreV1>('store')?.version).toBe(1);
      await manager.reload('store');
      expect(manager.getPlugin<StoreV2>('store')?.version).toBe(2);
      expect(manager.status()[0]?.version).toBe('1.1.0');
    });
  });

  describe('when the reloaded plugin fails', () => {
    it('should reject, mark it failed and fail its dependents with DependencyError', async () => {
      let broken = false;
      manager = new PluginManager({ logger: false });
      manager.register([
        definePlugin({
          name: 'fragile',
          start() {
            if (broken) throw new Error('broken now');
          },
        }),
        definePlugin({ name: 'dependent', dependencies: ['fragile'] }),
        definePlugin({ name: 'other' }),
      ]);
      await manager.start();
      broken = true;
      await expect(manager.reload('fragile')).rejects.toBeInstanceOf(PluginLoadError);
      expect(manager.status().map((row) => [row.name, row.state, row.lastError?.code ?? null])).toEqual([
        ['fragile', 'failed', 'TRELLIS_PLUGIN_LOAD'],
        ['dependent', 'failed', 'TRELLIS_DEPENDENCY_FAILED'],
        ['other', 'started', null],
      ]);
    });
  });

  describe('when the plugin was never loaded', () => {
    it('should load it (and start it when the host runs)', async () => {
      manager = new PluginManager({ logger: false });
      manager.register(definePlugin({ name: 'first' }));
      await manager.start();
      manager.register(definePlugin({ name: 'late' }));
      expect((await manager.reload('late')).reloaded).toEqual(['late']);
      expect(manager.getState('late')).toBe('started');
    });
  });

  describe('when a dependent injects the reloaded class', () => {
    it('should give the dependent the new instance', async () => {
      manager = new PluginManager({ logger: false });
      manager.register([StoreV1, Reader]);
      await manager.start();
      const first = manager.getPlugin(Reader)?.store;
      await manager.reload('store');
      expect(manager.getPlugin(Reader)?.store).toBe(manager.getPlugin('store'));
      expect(manager.getPlugin(Reader)?.store).not.toBe(first);
    });
  });
});
