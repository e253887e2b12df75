import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { startRedisServer, type RedisServer } from '@trellis/redis/testing';
import { HostProcess } from './support/HostProcess.js';
import { pause, waitFor } from './support/waitFor.js';

// Real host processes (support/host.ts, run from the sources) on one private Redis.
const CLAIM_AFTER_MS = 500;
let redis: RedisServer;
const hosts: HostProcess[] = [];

const start = async (name: string): Promise<HostProcess> => {
  const host = await HostProcess.start(name, redis.url, CLAIM_AFTER_MS);
  hosts.push(host);
  return host;
};

const dataOf = (host: HostProcess): number[] => host.handled().map((m) => Number(m.data));
const sorted = (values: number[]): number[] => [...values].sort((x, y) => x - y);
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

beforeAll(async () => {
  redis = await startRedisServer({ persistent: true });
});

afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.stop()));
});

afterAll(async () => {
  await redis.stop();
});

describe('RedisPlugin across host processes', () => {
  describe('when an event is published on host A', () => {
    it('should be handled on host B, and by ungrouped subscribers on both hosts in order', async () => {
      const [a, b] = await Promise.all([start('a'), start('b')]);
      await a.send({ cmd: 'subscribe', pattern: 'one.*' });
      await b.send({ cmd: 'subscribe', pattern: 'one.*' });
      await a.send({ cmd: 'publishMany', type: 'one.hit', count: 20 });
      await waitFor(
        () => dataOf(a).length >= 20 && dataOf(b).length >= 20,
        10_000,
        'deliveries on both hosts',
      );
      expect(dataOf(b)).toEqual(range(20));
      expect(dataOf(a)).toEqual(range(20));
    }, 60_000);
  });

  describe('when two hosts subscribe in one group', () => {
    it('should handle each event once in total', async () => {
      const [a, b] = await Promise.all([start('a'), start('b')]);
      await a.send({ cmd: 'subscribe', pattern: 'two.*', group: 'workers' });
      await b.send({ cmd: 'subscribe', pattern: 'two.*', group: 'workers' });
      await a.send({ cmd: 'publishMany', type: 'two.job', count: 100 });
      await waitFor(() => dataOf(a).length + dataOf(b).length >= 100, 10_000, '100 deliveries');
      await pause(CLAIM_AFTER_MS + 300);
      expect(sorted([...dataOf(a), ...dataOf(b)])).toEqual(range(100));
    }, 60_000);
  });

  describe('when host B is killed with SIGKILL while it holds unacknowledged events', () => {
    it('should let host A handle every one of them after claimAfterMs', async () => {
      const [a, b] = await Promise.all([start('a'), start('b')]);
      await b.send({ cmd: 'subscribe', pattern: 'three.*', group: 'workers', mode: 'hang' });
      await b.send({ cmd: 'publishMany', type: 'three.job', count: 10 });
      await waitFor(() => dataOf(b).length >= 1, 10_000, 'B to take an event');
      await a.send({ cmd: 'subscribe', pattern: 'three.*', group: 'workers' });
      await b.kill();
      // Bounded wait: claimAfterMs plus a margin for a loaded machine.
      await waitFor(() => new Set(dataOf(a)).size >= 10, CLAIM_AFTER_MS + 5000, "B's events on A");
      expect(sorted([...new Set(dataOf(a))])).toEqual(range(10));
      // The event B's handler had taken is delivered a second time.
      const first = a.handled().find((m) => m.data === 0);
      expect(first?.deliveryCount).toBe(2);
    }, 60_000);
  });

  describe('when a service is registered on host A', () => {
    it('should be discovered on host B, and gone within the ttl once A is killed', async () => {
      const [a, b] = await Promise.all([start('a'), start('b')]);
      const id = await a.send({ cmd: 'register', name: 'api' });
      const found = (await b.send({ cmd: 'discover', name: 'api' })) as { id: string; url?: string }[];
      expect(found).toEqual([expect.objectContaining({ id, url: 'http://example/a' })]);
      await a.kill();
      let left = found;
      const deadline = Date.now() + 1000 + 2000; // ttlMs (1 000) + margin
      while (left.length > 0 && Date.now() < deadline) {
        await pause(100);
        left = (await b.send({ cmd: 'discover', name: 'api' })) as { id: string }[];
      }
      expect(left).toEqual([]);
    }, 60_000);
  });

  describe('when plugin data is written on host A', () => {
    it('should be read on host B', async () => {
      const [a, b] = await Promise.all([start('a'), start('b')]);
      await a.send({ cmd: 'set', key: 'greeting', value: { text: 'hello from a' } });
      expect(await b.send({ cmd: 'get', key: 'greeting' })).toEqual({ text: 'hello from a' });
    }, 60_000);
  });

  describe('when Redis restarts in the middle of a stream of events', () => {
    it('should lose no event, and report the broker down and then up again', async () => {
      const [a, b] = await Promise.all([start('a'), start('b')]);
      await b.send({ cmd: 'subscribe', pattern: 'four.*', group: 'workers' });
      await b.send({ cmd: 'subscribe', pattern: 'four.*' });
      const streaming = a.send({ cmd: 'publishMany', type: 'four.tick', count: 60, gapMs: 10 }, 60_000);
      await a.until((m) => m.ev === 'published' && Number(m.data) >= 20, 10_000, '20 publishes');
      await redis.kill('SIGTERM');
      let down = (await a.send({ cmd: 'health' })) as { status: string };
      for (let i = 0; i < 30 && down.status === 'healthy'; i++) {
        await pause(100);
        down = (await a.send({ cmd: 'health' })) as { status: string };
      }
      await redis.start();
      expect(await streaming).toBe(60);
      await waitFor(
        () =>
          b.handled().filter((m) => m.group === 'workers').length >= 60 &&
          b.handled().filter((m) => m.group === null).length >= 60,
        15_000,
        'every event on B',
      );
      const grouped = new Set(
        b
          .handled()
          .filter((m) => m.group === 'workers')
          .map((m) => Number(m.data)),
      );
      const fanout = new Set(
        b
          .handled()
          .filter((m) => m.group === null)
          .map((m) => Number(m.data)),
      );
      expect(sorted([...grouped])).toEqual(range(60));
      expect(sorted([...fanout])).toEqual(range(60));
      expect(down.status).toBe('unhealthy');
      let up = (await a.send({ cmd: 'health' })) as { status: string };
      for (let i = 0; i < 50 && up.status !== 'healthy'; i++) {
        await pause(100);
        up = (await a.send({ cmd: 'health' })) as { status: string };
      }
      expect(up.status).toBe('healthy');
    }, 90_000);
  });
});
