import { PermissionError, PluginManager, inject, plugin } from '@trellis/core';
import { SERVICE_REGISTRY, ServicesPlugin, type ServiceRegistry } from '../src/index.js';

@plugin({ name: 'finder', permissions: ['services.discover'] })
class Finder {
  constructor(@inject(SERVICE_REGISTRY) readonly registry: ServiceRegistry) {}
}

describe('ServicesPlugin permissions', () => {
  describe('when a plugin may discover but not register', () => {
    it('should refuse register with PermissionError', async () => {
      const manager = new PluginManager({ logger: false });
      manager.register([ServicesPlugin, Finder]);
      await manager.start();
      const registry = manager.getPlugin(Finder)?.registry;
      await expect(registry?.discover()).resolves.toEqual([]);
      await expect(
        registry?.register({ name: 'x', address: 'http://127.0.0.1:1' } as never),
      ).rejects.toBeInstanceOf(PermissionError);
      await manager.close();
    });
  });
});
