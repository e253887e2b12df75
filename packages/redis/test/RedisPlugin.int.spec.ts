import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PluginManager } from '@trellis/core';
import { EventsPlugin } from '@trellis/events';
import { RedisPlugin } from '@trellis/redis';
import { startRedisServer, type RedisServer } from '@trellis/redis/testing';
import { ServicesPlugin } from '@trellis/services';
import { STORAGE_SERVICE, StoragePlugin } from '@trellis/storage';

let redis: RedisServer;

beforeAll(async () => {
  redis = await startRedisServer();
});

afterAll(async () => {
  await redis.stop();
});

const causeCode = (report: Awaited<ReturnType<PluginManager['loadAll']>>): unknown =>
  (report.failed.find((f) => f.name === 'trellis.redis')?.error as { cause?: { code?: unknown } } | undefined)
    ?.cause?.code;

describe('RedisPlugin', () => {
  describe('when registered before or after the plugins it serves', () => {
    it('should put storage on Redis with no other change, and report itself healthy', async () => {
      for (const order of [
        [RedisPlugin, StoragePlugin, EventsPlugin, ServicesPlugin],
        [StoragePlugin, EventsPlugin, ServicesPlugin, RedisPlugin],
      ]) {
        const manager = new PluginManager({ logger: false, config: { 'trellis.redis': { url: redis.url } } });
        manager.register(order);
        const report = await manager.start();
        expect(report.failed).toEqual([]);
        expect(manager.get(STORAGE_SERVICE).driver).toBe('redis');
        const plugin = manager.getPlugin('trellis.redis') as unknown as RedisPlugin;
        expect(await plugin.checkHealth()).toMatchObject({ status: 'healthy' });
        expect(await plugin.deadLetters()).toEqual([]);
        expect(await plugin.collectMetrics()).toEqual({ redis_up: 1, redis_dead_letters: 0 });
        await manager.close();
      }
    });
  });

  describe('when no URL is configured and TRELLIS_REDIS_URL is unset', () => {
    it('should fail with TRELLIS_REDIS_CONFIG', async () => {
      const saved = process.env.TRELLIS_REDIS_URL;
      delete process.env.TRELLIS_REDIS_URL;
      try {
        const manager = new PluginManager({ logger: false });
        manager.register(RedisPlugin);
        expect(causeCode(await manager.loadAll())).toBe('TRELLIS_REDIS_CONFIG');
        await manager.close();
      } finally {
        if (saved !== undefined) process.env.TRELLIS_REDIS_URL = saved;
      }
    });
  });

  describe('when the URL comes from TRELLIS_REDIS_URL', () => {
    it('should connect to it', async () => {
      const saved = process.env.TRELLIS_REDIS_URL;
      process.env.TRELLIS_REDIS_URL = redis.url;
      try {
        const manager = new PluginManager({ logger: false });
        manager.register(RedisPlugin);
        expect((await manager.loadAll()).failed).toEqual([]);
        await manager.close();
      } finally {
        if (saved === undefined) delete process.env.TRELLIS_REDIS_URL;
        else process.env.TRELLIS_REDIS_URL = saved;
      }
    });
  });

  describe('when the broker does not answer at start', () => {
    it('should fail with TRELLIS_REDIS_CONNECT after connectTimeoutMs', async () => {
      const gone = await startRedisServer();
      await gone.stop();
      const manager = new PluginManager({
        logger: false,
        config: { 'trellis.redis': { url: gone.url, connectTimeoutMs: 200 } },
      });
      manager.register(RedisPlugin);
      expect(causeCode(await manager.loadAll())).toBe('TRELLIS_REDIS_CONNECT');
      await manager.close();
    });
  });
});
