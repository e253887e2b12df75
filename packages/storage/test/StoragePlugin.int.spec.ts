import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { PluginManager, definePlugin, type PluginClass } from '@trellis/core';
import {
  MemoryDriver,
  STORAGE,
  STORAGE_DRIVER,
  STORAGE_SERVICE,
  StoragePlugin,
  type PluginStorage,
} from '@trellis/storage';

const root = mkdtempSync(join(tmpdir(), 'trellis-storage-plugin-'));
let count = 0;

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function userOf(name: string): PluginClass {
  return definePlugin({ name, inject: { storage: STORAGE } });
}

const storageOf = (manager: PluginManager, name: string): PluginStorage =>
  (manager.getPlugin(name) as unknown as { storage: PluginStorage }).storage;

describe('StoragePlugin', () => {
  describe('when two plugins inject STORAGE with the embedded default', () => {
    it('should give each its own namespace in the configured directory, kept across hosts', async () => {
      const dir = join(root, String(++count));
      const config = { 'trellis.storage': { dir } };
      const first = new PluginManager({ logger: false, config });
      first.register([userOf('alpha'), userOf('beta'), StoragePlugin]);
      await first.start();
      expect(first.get(STORAGE_SERVICE).driver).toBe('embedded');
      const alpha = storageOf(first, 'alpha');
      expect(alpha.plugin).toBe('alpha');
      await alpha.set('greeting', { text: 'hi' });
      await storageOf(first, 'beta').set('greeting', 'beta');
      expect(await storageOf(first, 'beta').get('greeting')).toBe('beta');
      await first.close();

      const second = new PluginManager({ logger: false, config });
      second.register([StoragePlugin, userOf('alpha')]);
      await second.start();
      expect(await storageOf(second, 'alpha').get('greeting')).toEqual({ text: 'hi' });
      expect(await storageOf(second, 'alpha').keys()).toEqual(['greeting']);
      await second.close();
    });
  });

  describe("when the config names the 'memory' driver", () => {
    it('should keep values in memory only', async () => {
      const manager = new PluginManager({
        logger: false,
        config: { 'trellis.storage': { driver: 'memory' } },
      });
      manager.register([StoragePlugin, userOf('alpha')]);
      await manager.start();
      expect(manager.get(STORAGE_SERVICE).driver).toBe('memory');
      await storageOf(manager, 'alpha').set('k', 1);
      expect(await manager.get(STORAGE_SERVICE).forPlugin('alpha').get('k')).toBe(1);
      await manager.close();
    });
  });

  describe('when another plugin binds STORAGE_DRIVER', () => {
    it('should use that driver without any config, whatever the registration order', async () => {
      const shared = new MemoryDriver();
      const Remote = definePlugin({
        name: 'trellis.redis',
        initialize(ctx) {
          ctx.provide(STORAGE_DRIVER, shared);
        },
      });
      const manager = new PluginManager({ logger: false });
      manager.register([StoragePlugin, userOf('alpha'), Remote]);
      await manager.start();
      expect(manager.get(STORAGE_SERVICE).driver).toBe('redis');
      await storageOf(manager, 'alpha').set('k', 'v');
      expect(await shared.get('alpha/k')).toBe('"v"');
      await manager.close();
    });
  });

  describe("when the config names 'redis' and no driver is bound", () => {
    it('should fail the storage plugin with TRELLIS_STORAGE_DRIVER', async () => {
      const manager = new PluginManager({
        logger: false,
        config: { 'trellis.storage': { driver: 'redis' } },
      });
      manager.register(StoragePlugin);
      const report = await manager.loadAll();
      const failure = report.failed.find((f) => f.name === 'trellis.storage');
      const cause = (failure?.error as { cause?: { code?: string } } | undefined)?.cause;
      expect(cause?.code).toBe('TRELLIS_STORAGE_DRIVER');
      await manager.close();
    });
  });
});
