import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RedisConnection, RedisTransport } from '@trellis/redis';
import type { CloudEvent } from '@trellis/events';

/** The outcome of one run: throughput and delivery latencies. */
export interface EventsRun {
  readonly eventsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? Number.NaN;
}

function summarise(count: number, elapsedMs: number, latencies: number[]): EventsRun {
  latencies.sort((a, b) => a - b);
  return {
    eventsPerSecond: Math.round((count / elapsedMs) * 1000),
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
  };
}

/** Publishes `count` items, at most `inFlight` unanswered at a time. */
async function pump(
  count: number,
  inFlight: number,
  publish: (i: number) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < count) await publish(next++);
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
}

/**
 * Trellis: host A's RedisTransport publishes, host B's (its own connection) handles them in a group.
 * Latency is from the call to `publish()` to the handler.
 */
export async function runTrellis(url: string, count: number, inFlight: number): Promise<EventsRun> {
  const prefix = `bench-${randomUUID()}`;
  const connA = new RedisConnection({ url });
  const connB = new RedisConnection({ url });
  await Promise.all([connA.ready(5000), connB.ready(5000)]);
  const a = new RedisTransport({ connection: connA, prefix, hostId: 'a' });
  const b = new RedisTransport({ connection: connB, prefix, hostId: 'b' });
  const latencies: number[] = [];
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  await b.subscribe(
    'bench.*',
    (event) => {
      latencies.push(performance.now() - (event.data as number));
      if (latencies.length === count) done();
    },
    { group: 'bench' },
  );
  const start = performance.now();
  await pump(count, inFlight, () => {
    const event: CloudEvent = {
      specversion: '1.0',
      id: randomUUID(),
      source: 'bench',
      type: 'bench.tick',
      time: new Date().toISOString(),
      data: performance.now(),
    };
    return a.publish(event);
  });
  await finished;
  const elapsed = performance.now() - start;
  await Promise.all([a.close(), b.close()]);
  await connA.client.del(`${prefix}:events`);
  await Promise.all([connA.close(), connB.close()]);
  return summarise(count, elapsed, latencies);
}

/**
 * The floor: the same client library used by hand — XADD of the same JSON envelope on one
 * connection (auto-pipelined), an XREADGROUP (COUNT 100, BLOCK) / XACK loop on two others.
 */
export async function runRaw(url: string, count: number, inFlight: number): Promise<EventsRun> {
  const stream = `bench-raw-${randomUUID()}`;
  const connA = new RedisConnection({ url });
  const connB = new RedisConnection({ url });
  await Promise.all([connA.ready(5000), connB.ready(5000)]);
  const producer: Redis = connA.client;
  const reader: Redis = connB.open('raw-reader');
  await connB.client.call('XGROUP', 'CREATE', stream, 'bench', '$', 'MKSTREAM');
  const latencies: number[] = [];
  const consume = (async () => {
    while (latencies.length < count) {
      const reply = (await reader.call(
        'XREADGROUP',
        'GROUP',
        'bench',
        'c1',
        'COUNT',
        100,
        'BLOCK',
        1000,
        'STREAMS',
        stream,
        '>',
      )) as unknown[] | null;
      if (reply === null || reply.length === 0) continue;
      const entries = (typeof reply[0] === 'string' ? reply[1] : (reply[0] as unknown[])[1]) as [
        string,
        string[],
      ][];
      const ids: string[] = [];
      for (const [id, fields] of entries) {
        const event = JSON.parse(fields[1] ?? '{}') as CloudEvent;
        latencies.push(performance.now() - (event.data as number));
        ids.push(id);
      }
      await connB.client.xack(stream, 'bench', ...ids);
    }
  })();
  const start = performance.now();
  await pump(count, inFlight, () => {
    const event: CloudEvent = {
      specversion: '1.0',
      id: randomUUID(),
      source: 'bench',
      type: 'bench.tick',
      time: new Date().toISOString(),
      data: performance.now(),
    };
    return producer.xadd(stream, 'MAXLEN', '~', 100_000, '*', 'e', JSON.stringify(event));
  });
  await consume;
  const elapsed = performance.now() - start;
  await producer.del(stream);
  await Promise.all([connA.close(), connB.close()]);
  return summarise(count, elapsed, latencies);
}
