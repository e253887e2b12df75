import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PluginManager } from '@trellis/core';
import { EVENT_BUS, EventsPlugin, type EventBus } from '@trellis/events';
import { RedisPlugin } from '@trellis/redis';
import { startRedisServer, type RedisServer } from '@trellis/redis/testing';
import { pluginContract } from '@trellis/testing';
import { definePlugin } from '@trellis/core';

let redis: RedisServer;

beforeAll(async () => {
  redis = await startRedisServer();
});

afterAll(async () => {
  await redis.stop();
});

describe('RedisPlugin across stop and start', () => {
  describe('when checked against the plugin contract', () => {
    it('should pass every check (it starts again after a stop)', async () => {
      await pluginContract(RedisPlugin, { config: { url: redis.url } });
    }, 30_000);
  });

  describe('when the host stops and starts again', () => {
    it('should carry events through Redis after the restart', async () => {
      const Publisher = definePlugin({ name: 'publisher', inject: { bus: EVENT_BUS } });
      const manager = new PluginManager({ logger: false, config: { 'trellis.redis': { url: redis.url } } });
      manager.register([RedisPlugin, EventsPlugin, Publisher]);
      await manager.start();
      await manager.stop();
      const report = await manager.start();
      expect(report.failed).toEqual([]);
      const { bus } = manager.getPlugin('publisher') as { bus: EventBus };
      const seen: unknown[] = [];
      const off = await bus.subscribe('restart.*', (event) => {
        seen.push(event.data);
      });
      await bus.publish('restart.ok', { n: 1 });
      for (let i = 0; i < 100 && seen.length === 0; i += 1)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(seen).toEqual([{ n: 1 }]);
      await off();
      await manager.close();
    }, 30_000);
  });
});
