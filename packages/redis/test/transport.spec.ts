import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { TransportError } from '@trellis/core';
import type { CloudEvent } from '@trellis/events';
import { startRedisServer, type RedisServer } from '@trellis/redis/testing';
import {
  RedisConnection,
  RedisServiceBackend,
  RedisStorageDriver,
  RedisTransport,
  type RedisTransportOptions,
} from '@trellis/redis';
import { createPluginStorage } from '@trellis/storage';
import { pause, waitFor } from './support/waitFor.js';

let redis: RedisServer;
const open: { transport: RedisTransport; connection: RedisConnection }[] = [];
let prefixCount = 0;

beforeAll(async () => {
  redis = await startRedisServer();
});

afterEach(async () => {
  for (const { transport, connection } of open.splice(0)) {
    await transport.close();
    await connection.close();
  }
});

afterAll(async () => {
  await redis.stop();
});

/** Two "hosts": transports with their own connections on one Redis and one prefix. */
async function hosts(
  count: number,
  options: Partial<RedisTransportOptions> = {},
  url = redis.url,
): Promise<RedisTransport[]> {
  const prefix = `t${String(++prefixCount)}`;
  const made: RedisTransport[] = [];
  for (let i = 0; i < count; i++) {
    const connection = new RedisConnection({ url });
    await connection.ready(5000);
    const transport = new RedisTransport({ connection, prefix, hostId: `host${String(i)}`, ...options });
    open.push({ transport, connection });
    made.push(transport);
  }
  return made;
}

const event = (type: string, data: unknown): CloudEvent => ({
  specversion: '1.0',
  id: randomUUID(),
  source: 'test',
  type,
  time: new Date().toISOString(),
  data,
});

describe('RedisTransport', () => {
  describe('when subscribers without a group run on two hosts', () => {
    it('should deliver each event once, in publish order, on both hosts including the publisher', async () => {
      const [a, b] = await hosts(2);
      const seenA: unknown[] = [];
      const seenB: unknown[] = [];
      await a?.subscribe('order.*', (e) => void seenA.push(e.data));
      await b?.subscribe('order.*', (e) => void seenB.push(e.data));
      for (let i = 0; i < 50; i++) await a?.publish(event(i % 5 === 0 ? 'other.x' : 'order.paid', i));
      const expected = Array.from({ length: 50 }, (_, i) => i).filter((i) => i % 5 !== 0);
      await waitFor(() => seenA.length >= 40 && seenB.length >= 40, 5000, 'deliveries');
      await pause(100);
      expect(seenA).toEqual(expected);
      expect(seenB).toEqual(expected);
    });
  });

  describe('when subscribers of one group run on two hosts', () => {
    it('should hand each event to one of them, once in total, with deliveryCount 1', async () => {
      const [a, b] = await hosts(2);
      const seen: { host: string; data: unknown; count: number | undefined }[] = [];
      await a?.subscribe(
        'job.*',
        (e) => void seen.push({ host: 'a', data: e.data, count: e.deliveryCount }),
        { group: 'workers' },
      );
      await b?.subscribe(
        'job.*',
        (e) => void seen.push({ host: 'b', data: e.data, count: e.deliveryCount }),
        { group: 'workers' },
      );
      const publisher = b ?? a;
      if (publisher === undefined) throw new Error('no host');
      await Promise.all(Array.from({ length: 200 }, (_, i) => publisher.publish(event('job.run', i))));
      await waitFor(() => seen.length >= 200, 5000, '200 deliveries');
      await pause(150);
      expect(seen.map((s) => s.data).sort((x, y) => Number(x) - Number(y))).toEqual(
        Array.from({ length: 200 }, (_, i) => i),
      );
      expect(seen.every((s) => s.count === 1)).toBe(true);
    });
  });

  describe('when a handler throws', () => {
    it('should redeliver the event after claimAfterMs with deliveryCount + 1', async () => {
      const [a] = await hosts(1, { claimAfterMs: 100 });
      const counts: (number | undefined)[] = [];
      await a?.subscribe(
        'pay.*',
        (e) => {
          counts.push(e.deliveryCount);
          if (counts.length < 3) throw new Error('not yet');
        },
        { group: 'billing' },
      );
      await a?.publish(event('pay.due', 1));
      await waitFor(() => counts.length >= 3, 5000, 'three deliveries');
      await pause(400);
      expect(counts).toEqual([1, 2, 3]);
    });

    it('should call it maxDeliveries times, then write the event to the dead-letter stream as JSON', async () => {
      const [a] = await hosts(1, { claimAfterMs: 50, maxDeliveries: 3 });
      let calls = 0;
      await a?.subscribe(
        'pay.*',
        () => {
          calls++;
          throw new Error('always');
        },
        { group: 'billing' },
      );
      const sent = event('pay.due', { amount: 5 });
      await a?.publish(sent);
      const reader = new RedisConnection({ url: redis.url });
      try {
        let letters: [string, string[]][] = [];
        await waitFor(() => calls >= 3, 5000, 'three calls');
        const deadline = Date.now() + 5000;
        while (letters.length === 0 && Date.now() < deadline) {
          letters = await reader.client.xrange(a?.deadLetterStream ?? '', '-', '+');
          await pause(20);
        }
        await pause(300);
        expect(calls).toBe(3);
        expect(letters).toHaveLength(1);
        const letter = JSON.parse(letters[0]?.[1][1] ?? '{}') as {
          group: string;
          deliveries: number;
          event: CloudEvent;
        };
        expect(letter).toMatchObject({
          group: 'billing',
          deliveries: 3,
          event: { id: sent.id, data: { amount: 5 } },
        });
      } finally {
        await reader.close();
      }
    });
  });

  describe('when an unsubscribed group subscriber is gone', () => {
    it('should stop delivering to it', async () => {
      const [a] = await hosts(1);
      const seen: unknown[] = [];
      const off = await a?.subscribe('x.*', (e) => void seen.push(e.data), { group: 'g' });
      await a?.publish(event('x.y', 1));
      await waitFor(() => seen.length === 1, 5000, 'first delivery');
      await off?.();
      await a?.publish(event('x.y', 2));
      await pause(200);
      expect(seen).toEqual([1]);
    });
  });

  describe('when the broker is unreachable', () => {
    it('should reject a publish with TransportError after its bound', async () => {
      const down = await startRedisServer();
      const [a] = await hosts(1, { publishTimeoutMs: 200 }, down.url);
      await down.stop();
      const error = await a?.publish(event('x.y', 1)).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TransportError);
      expect(error).toMatchObject({ code: 'TRELLIS_TRANSPORT' });
    });

    it('should reject storage and registry calls with TransportError after their bound', async () => {
      const down = await startRedisServer();
      const connection = new RedisConnection({ url: down.url });
      await connection.ready(5000);
      try {
        await down.stop();
        const storage = createPluginStorage(
          'app',
          () => new RedisStorageDriver({ client: connection.client, operationTimeoutMs: 200 }),
        );
        const backend = new RedisServiceBackend({ client: connection.client, operationTimeoutMs: 200 });
        await expect(storage.get('k')).rejects.toMatchObject({ code: 'TRELLIS_TRANSPORT' });
        await expect(storage.set('k', 1)).rejects.toMatchObject({ code: 'TRELLIS_TRANSPORT' });
        await expect(backend.discover({})).rejects.toMatchObject({ code: 'TRELLIS_TRANSPORT' });
        await backend.close();
      } finally {
        await connection.close();
      }
    });
  });
});
