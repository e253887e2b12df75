import { describe, expect, it } from '@jest/globals';
import { plugin, PluginManager } from '@trellis/core';
import { StatusCache } from './StatusCache.js';

@plugin({ name: 'one', version: '1.0.0' })
class OnePlugin {}

describe('StatusCache', () => {
  describe('when nothing changed', () => {
    it('should answer the same text without building it again', async () => {
      const manager = new PluginManager({ logger: false });
      manager.register(OnePlugin);
      await manager.start();
      const cache = new StatusCache(manager, { maxAgeMs: 60_000 });
      const first = cache.json();
      manager.disablePlugin('one');
      expect(cache.json()).toBe(first);
      await manager.close();
    });
  });

  describe('when invalidated', () => {
    it('should answer the current status', async () => {
      const manager = new PluginManager({ logger: false });
      manager.register(OnePlugin);
      await manager.start();
      const cache = new StatusCache(manager, { maxAgeMs: 60_000 });
      cache.json();
      manager.disablePlugin('one');
      cache.invalidate();
      expect(JSON.parse(cache.json())).toEqual([expect.objectContaining({ name: 'one', enabled: false })]);
      await manager.close();
    });
  });
});
