import { PluginManager, definePlugin } from '../src/index.js';

const SIGNAL = 'SIGUSR2';

describe('PluginManager.enableShutdownHooks', () => {
  describe('when the signal arrives', () => {
    it('should close the manager and remove its listeners', async () => {
      const before = process.listenerCount(SIGNAL);
      const manager = new PluginManager({ logger: false });
      let stopped!: () => void;
      const done = new Promise<void>((resolve) => {
        stopped = resolve;
      });
      manager.register(
        definePlugin({
          name: 'a',
          stop: () => {
            stopped();
          },
        }),
      );
      await manager.start();
      manager.enableShutdownHooks([SIGNAL], { exit: false });
      expect(process.listenerCount(SIGNAL)).toBe(before + 1);
      process.emit(SIGNAL, SIGNAL);
      await done;
      expect(process.listenerCount(SIGNAL)).toBe(before);
    });
  });

  describe('when the returned function is called', () => {
    it('should remove the listeners', () => {
      const before = process.listenerCount(SIGNAL);
      const manager = new PluginManager({ logger: false });
      const remove = manager.enableShutdownHooks([SIGNAL], { exit: false });
      remove();
      expect(process.listenerCount(SIGNAL)).toBe(before);
    });
  });

  describe('when the manager is closed', () => {
    it('should leave no listener behind', async () => {
      const before = process.listenerCount('SIGTERM');
      const manager = new PluginManager({ logger: false });
      manager.enableShutdownHooks();
      expect(process.listenerCount('SIGTERM')).toBe(before + 1);
      await manager.close();
      expect(process.listenerCount('SIGTERM')).toBe(before);
    });
  });
});
