import { LifecycleReentryError, PluginManager, TOKENS, TrellisError, definePlugin } from '../src/index.js';

interface WithManager {
  readonly manager: PluginManager;
}

describe('PluginManager lifecycle re-entry', () => {
  describe('when a lifecycle method awaits a manager operation', () => {
    it.each([
      ['start', (manager: PluginManager) => manager.start()],
      ['stop', (manager: PluginManager) => manager.stop()],
      ['close', (manager: PluginManager) => manager.close()],
      ['its own load', (manager: PluginManager) => manager.load('selfish')],
      ['its own unload', (manager: PluginManager) => manager.unload('selfish')],
    ])(
      'should fail the plugin at once when start() awaits %s, instead of deadlocking',
      async (_label, reenter) => {
        const manager = new PluginManager({ logger: false });
        manager.register(
          definePlugin({
            name: 'selfish',
            inject: { manager: TOKENS.Manager },
            async start(this: WithManager) {
              await reenter(this.manager);
            },
          }),
        );
        const report = await manager.start();
        const error = report.failed[0]?.error;
        expect(error?.code).toBe('TRELLIS_PLUGIN_LOAD');
        expect(error?.cause).toBeInstanceOf(LifecycleReentryError);
        expect((error?.cause as Error).message).toMatch(/called from plugin 'selfish' start\(\)/);
        await manager.close();
      },
    );
  });

  describe('when a lifecycle event listener calls a manager operation', () => {
    it('should refuse the call with LifecycleReentryError naming the event', async () => {
      const manager = new PluginManager({ logger: false });
      manager.register(definePlugin({ name: 'a' }));
      const refused: unknown[] = [];
      manager.extensions.on(PluginManager.EVENTS.loaded, () => {
        manager.unload('a').catch((error: unknown) => refused.push(error));
      });
      await manager.load('a');
      await manager.close();
      expect(refused).toHaveLength(1);
      expect(TrellisError.is(refused[0], 'TRELLIS_LIFECYCLE_REENTRY')).toBe(true);
      expect((refused[0] as Error).message).toMatch(/a listener of 'trellis\.plugin\.loaded'/);
    });
  });

  describe('when a lifecycle method awaits a manager operation after an await', () => {
    it('should time out with a message naming the operation that waited for it', async () => {
      const manager = new PluginManager({ logger: false, lifecycleTimeout: 50 });
      let inner: Promise<unknown> | undefined;
      manager.register(
        definePlugin({
          name: 'late',
          inject: { manager: TOKENS.Manager },
          async start(this: WithManager) {
            await Promise.resolve();
            inner = this.manager.stop();
            await inner;
          },
        }),
      );
      const report = await manager.start();
      const error = report.failed[0]?.error;
      expect(error?.code).toBe('TRELLIS_LIFECYCLE_TIMEOUT');
      expect(error?.message).toMatch(
        /Meanwhile manager\.stop\(\) waited for it: if start\(\) awaits one of them, it waits for itself/,
      );
      await inner;
      await manager.close();
    });
  });

  describe('when a plugin calls a manager operation later, outside its lifecycle methods', () => {
    it('should run it', async () => {
      const manager = new PluginManager({ logger: false });
      let later: Promise<unknown> | undefined;
      manager.register(
        definePlugin({
          name: 'patient',
          inject: { manager: TOKENS.Manager },
          start(this: WithManager) {
            later = new Promise((resolve) => setImmediate(resolve)).then(() => this.manager.stop());
          },
        }),
      );
      await manager.start();
      await later;
      expect(manager.getState('patient')).toBe('stopped');
      await manager.close();
    });
  });
});
