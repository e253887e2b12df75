import { PluginManager, definePlugin, type AppLifecycleEvent } from '../src/index.js';

describe('trellis.app.stopping', () => {
  let manager: PluginManager;
  afterEach(async () => {
    await manager.close();
  });

  const recorder = (log: string[], name: string) =>
    definePlugin({
      name,
      start: () => void log.push(`start:${name}`),
      stop: () => void log.push(`stop:${name}`),
    });

  describe('when stop() begins', () => {
    it('should be notified before any plugin stops, with the plugins about to stop', async () => {
      const log: string[] = [];
      let payload: AppLifecycleEvent | undefined;
      manager = new PluginManager({ logger: false });
      manager.register([recorder(log, 'a'), recorder(log, 'b')]);
      manager.registerHook(PluginManager.EVENTS.stopping, (event: AppLifecycleEvent) => {
        payload = event;
        log.push('stopping');
      });
      manager.registerHook(PluginManager.EVENTS.shutdown, () => void log.push('shutdown'));
      await manager.start();
      await manager.stop();
      expect(log).toEqual(['start:a', 'start:b', 'stopping', 'stop:b', 'stop:a', 'shutdown']);
      expect(payload?.plugins).toEqual(['b', 'a']);
      expect(PluginManager.EVENTS.stopping).toBe('trellis.app.stopping');
    });

    it('should let an async listener finish before the first plugin stops', async () => {
      const log: string[] = [];
      manager = new PluginManager({ logger: false });
      manager.register(recorder(log, 'a'));
      manager.registerHook(PluginManager.EVENTS.stopping, async () => {
        await new Promise((resolve) => setImmediate(resolve));
        log.push('stopping done');
      });
      await manager.start();
      await manager.stop();
      expect(log).toEqual(['start:a', 'stopping done', 'stop:a']);
    });
  });

  describe('when nothing is started', () => {
    it('should not be notified', async () => {
      const log: string[] = [];
      manager = new PluginManager({ logger: false });
      manager.registerHook(PluginManager.EVENTS.stopping, () => void log.push('stopping'));
      await manager.stop();
      expect(log).toEqual([]);
    });
  });
});
