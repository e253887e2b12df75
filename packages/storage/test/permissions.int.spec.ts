import { PermissionError, PluginManager, inject, plugin } from '@trellis/core';
import { STORAGE, StoragePlugin, type PluginStorage } from '../src/index.js';

@plugin({ name: 'keeper', permissions: ['storage'] })
class Keeper {
  constructor(@inject(STORAGE) readonly storage: PluginStorage) {}
}

@plugin({ name: 'intruder', permissions: ['net'] })
class Intruder {
  constructor(@inject(STORAGE) readonly storage: PluginStorage) {}
}

describe('StoragePlugin permissions', () => {
  describe('when one plugin declares storage and another does not', () => {
    it('should serve the first and refuse the second with PermissionError', async () => {
      const manager = new PluginManager({
        logger: false,
        config: { 'trellis.storage': { driver: 'memory' } },
      });
      manager.register([StoragePlugin, Keeper, Intruder]);
      await manager.start();
      await manager.getPlugin(Keeper)?.storage.set('a', 1);
      await expect(manager.getPlugin(Keeper)?.storage.get('a')).resolves.toBe(1);
      await expect(manager.getPlugin(Intruder)?.storage.get('a')).rejects.toBeInstanceOf(PermissionError);
      await manager.close();
    });
  });
});
