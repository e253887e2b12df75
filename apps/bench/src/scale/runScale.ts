/**
 * Scale-out benchmarks (`@trellis/redis`, `@trellis/storage`), each contender and round in a fresh
 * process, on a private redis-server started here:
 * 1. events through the Redis transport (publish on host A → handled on host B in a group, batching by
 *    auto-pipelining, 200 publishes in flight) against a hand-written XADD / XREADGROUP / XACK loop
 *    with the same client; throughput ratio, p50/p99 delivery latency;
 * 2. storage `set`/`get` per second: the embedded driver (through the plugin facade) against LMDB
 *    used raw, and against the memory driver.
 *
 * Usage: `node dist/scale/runScale.js [--events 20000] [--ops 20000] [--rounds 3]` (after the build;
 * `pnpm --filter @trellis/bench bench:scale` builds first). Writes results/scale.json and prints
 * Markdown tables. Needs `redis-server` on the PATH (or REDIS_SERVER).
 */
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRedisServer } from '@trellis/redis/testing';
import { runRaw, runTrellis, type EventsRun } from './eventsBench.js';
import { runStorage, type StorageRun } from './storageBench.js';

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};

type Job =
  | {
      readonly kind: 'events';
      readonly contender: 'trellis' | 'raw';
      readonly url: string;
      readonly count: number;
      readonly inFlight: number;
    }
  | { readonly kind: 'storage'; readonly contender: 'embedded' | 'lmdb' | 'memory'; readonly count: number };

async function child(job: Job): Promise<void> {
  const result =
    job.kind === 'events'
      ? await (job.contender === 'trellis' ? runTrellis : runRaw)(job.url, job.count, job.inFlight)
      : await runStorage(job.contender, job.count);
  process.send?.(result);
}

function inChild<T>(job: Job): Promise<T> {
  return new Promise((resolve, reject) => {
    const proc = fork(fileURLToPath(import.meta.url), ['--child', JSON.stringify(job)], { stdio: 'inherit' });
    let answer: T | undefined;
    proc.on('message', (message) => {
      answer = message as T;
    });
    proc.on('exit', (code) => {
      if (answer === undefined) reject(new Error(`${job.kind}/${job.contender} exited with ${String(code)}`));
      else resolve(answer);
    });
  });
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function main(): Promise<void> {
  const events = arg('events', 20_000);
  const ops = arg('ops', 20_000);
  const rounds = arg('rounds', 3);
  const redis = await startRedisServer();
  const eventRuns: Record<'trellis' | 'raw', EventsRun[]> = { trellis: [], raw: [] };
  const latencyRuns: Record<'trellis' | 'raw', EventsRun[]> = { trellis: [], raw: [] };
  const storageRuns: Record<'embedded' | 'lmdb' | 'memory', StorageRun[]> = {
    embedded: [],
    lmdb: [],
    memory: [],
  };
  try {
    for (let round = 0; round < rounds; round++) {
      for (const contender of round % 2 === 0
        ? (['raw', 'trellis'] as const)
        : (['trellis', 'raw'] as const)) {
        eventRuns[contender].push(
          await inChild<EventsRun>({
            kind: 'events',
            contender,
            url: redis.url,
            count: events,
            inFlight: 200,
          }),
        );
        latencyRuns[contender].push(
          await inChild<EventsRun>({ kind: 'events', contender, url: redis.url, count: 2000, inFlight: 1 }),
        );
      }
      for (const contender of ['lmdb', 'embedded', 'memory'] as const) {
        storageRuns[contender].push(await inChild<StorageRun>({ kind: 'storage', contender, count: ops }));
      }
    }
  } finally {
    await redis.stop();
  }
  const ev = (c: 'trellis' | 'raw', key: keyof EventsRun): number => median(eventRuns[c].map((r) => r[key]));
  const lat = (c: 'trellis' | 'raw', key: keyof EventsRun): number =>
    median(latencyRuns[c].map((r) => r[key]));
  const st = (c: 'embedded' | 'lmdb' | 'memory', key: keyof StorageRun): number =>
    median(storageRuns[c].map((r) => r[key]));
  const ratio = ev('trellis', 'eventsPerSecond') / ev('raw', 'eventsPerSecond');
  const lines = [
    `Events through Redis, publish on A → handled on B (${String(events)} events with 200 publishes in flight; latency also with 1 in flight, 2000 events; median of ${String(rounds)} rounds)`,
    '',
    '| contender | events/s | p50 ms, 200 in flight | p99 ms, 200 in flight | p50 ms, 1 in flight | p99 ms, 1 in flight |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...(['raw', 'trellis'] as const).map(
      (c) =>
        `| ${c === 'raw' ? 'hand-written XADD/XREADGROUP/XACK (floor)' : 'RedisTransport'} | ${String(ev(c, 'eventsPerSecond'))} | ${ev(c, 'p50Ms').toFixed(1)} | ${ev(c, 'p99Ms').toFixed(1)} | ${lat(c, 'p50Ms').toFixed(2)} | ${lat(c, 'p99Ms').toFixed(2)} |`,
    ),
    '',
    `RedisTransport / floor: ${ratio.toFixed(2)}x (goal ≥ 0.70x)`,
    '',
    `Storage (${String(ops)} keys, median of ${String(rounds)} rounds)`,
    '',
    '| contender | set/s (100 in flight) | set/s (each awaited) | get/s |',
    '| --- | ---: | ---: | ---: |',
    ...(['lmdb', 'embedded', 'memory'] as const).map(
      (c) =>
        `| ${{ lmdb: 'LMDB raw', embedded: 'embedded driver (facade)', memory: 'memory driver (facade)' }[c]} | ${String(st(c, 'setPerSecond'))} | ${String(st(c, 'sequentialSetPerSecond'))} | ${String(st(c, 'getPerSecond'))} |`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  writeFileSync(
    join(here, '..', '..', 'results', 'scale.json'),
    `${JSON.stringify({ date: new Date().toISOString(), events, ops, rounds, eventRuns, latencyRuns, storageRuns, ratio }, null, 2)}\n`,
  );
}

const childIndex = process.argv.indexOf('--child');
if (childIndex >= 0) await child(JSON.parse(process.argv[childIndex + 1] ?? '{}') as Job);
else await main();
