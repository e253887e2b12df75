/**
 * Benchmarks of the plugin-type packages that need real servers or timers (the dispatch cost of
 * `@trellis/metrics` is a case of the main runner: `types.metrics.dispatch`):
 * 1. HTTP: `GET /hello` through 5 middleware plugins of `@trellis/http` against plain fastify with
 *    the same 5 functions as `onRequest` hooks; each server in its own process, autocannon here, on
 *    127.0.0.1 for a bounded time, interleaved rounds, best round each (goal: <= 1.15x latency at
 *    p50 and p99);
 * 2. Health: `check()` of 100 health checks of which 10 hang (timeout 50 ms): elapsed time against
 *    the slowest timeout (goal: within it plus 10 ms).
 *
 * Usage: `node dist/types/runTypes.js [--duration 5] [--connections 32] [--rounds 2]` (after the
 * build). Writes results/types.json and prints a Markdown table.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { Result } from 'autocannon';
import { PluginManager, definePlugin, type PluginClass } from '@trellis/core';
import { HEALTH, HealthPlugin } from '@trellis/health';

const here = dirname(fileURLToPath(import.meta.url));
const benchDir = join(here, '..', '..');

const arg = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const duration = arg('duration', 5);
const connections = arg('connections', 32);
const rounds = arg('rounds', 2);

interface Server {
  readonly base: string;
  stop(): Promise<void>;
}

async function startServer(mode: 'trellis' | 'plain'): Promise<Server> {
  const child = spawn(process.execPath, [join(here, 'middlewareServer.js')], {
    env: { PATH: process.env.PATH ?? '', MODE: mode },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
  const base = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
      const match = /^App:\s+(\S+)/m.exec(text);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.once('exit', (code) => {
      reject(new Error(`the ${mode} server exited with ${String(code)}`));
    });
  });
  return {
    base,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

interface Figures {
  readonly reqPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly meanMs: number;
  readonly failed: number;
  readonly total: number;
}

const load = async (base: string, seconds: number): Promise<Figures> => {
  const result: Result = await autocannon({ url: `${base}/hello`, connections, duration: seconds });
  const reqPerSec = result.requests.total / result.duration;
  return {
    reqPerSec,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    // autocannon's percentiles have a 1 ms resolution; with a fixed number of connections always
    // busy (a closed loop), the mean latency is exactly connections / throughput (Little's law).
    meanMs: (connections / reqPerSec) * 1000,
    failed: result.non2xx + result.errors + result.timeouts,
    total: result.requests.total,
  };
};

async function httpBench(): Promise<{
  plain: Figures;
  trellis: Figures;
  plainRounds: Figures[];
  trellisRounds: Figures[];
}> {
  const plain = await startServer('plain');
  const trellis = await startServer('trellis');
  try {
    const check = await (await fetch(`${trellis.base}/hello`)).text();
    if (check !== '{"hello":"world"}') throw new Error(`the Trellis server answered ${check}`);
    await load(plain.base, 2);
    await load(trellis.base, 2);
    const plainRounds: Figures[] = [];
    const trellisRounds: Figures[] = [];
    for (let round = 0; round < rounds; round += 1) {
      plainRounds.push(await load(plain.base, duration));
      trellisRounds.push(await load(trellis.base, duration));
    }
    // The machine may be shared: the best round of each (by throughput) is the least disturbed.
    const best = (list: Figures[]): Figures => list.reduce((a, b) => (b.meanMs < a.meanMs ? b : a));
    return { plain: best(plainRounds), trellis: best(trellisRounds), plainRounds, trellisRounds };
  } finally {
    await plain.stop();
    await trellis.stop();
  }
}

const CHECKS = 100;
const HANGING = 10;
const HANG_TIMEOUT = 50;

async function healthBench(): Promise<{ timeoutMs: number; medianMs: number; maxMs: number; runs: number }> {
  const plugins: PluginClass[] = Array.from({ length: CHECKS }, (_, index) => {
    const hangs = index % (CHECKS / HANGING) === 0;
    const Defined = definePlugin({ name: `check-${String(index)}` });
    Object.assign(
      Defined.prototype as object,
      hangs
        ? { healthCheckTimeout: HANG_TIMEOUT, checkHealth: () => new Promise(() => undefined) }
        : { checkHealth: () => Promise.resolve({ status: 'healthy' }) },
    );
    return Defined;
  });
  const manager = new PluginManager({ logger: false });
  manager.register([HealthPlugin, ...plugins]);
  await manager.start();
  const health = manager.get(HEALTH);
  const times: number[] = [];
  const runs = 30;
  for (let run = 0; run < runs; run += 1) {
    const began = performance.now();
    const report = await health.check();
    times.push(performance.now() - began);
    const hung = Object.values(report.checks).filter(
      (entry) => entry.code === 'TRELLIS_HEALTH_CHECK_TIMEOUT',
    );
    if (hung.length !== HANGING)
      throw new Error(`expected ${String(HANGING)} timed-out checks, got ${String(hung.length)}`);
  }
  await manager.close();
  times.sort((a, b) => a - b);
  return {
    timeoutMs: HANG_TIMEOUT,
    medianMs: times[Math.floor(runs / 2)] ?? 0,
    maxMs: times.at(-1) ?? 0,
    runs,
  };
}

const http = await httpBench();
const health = await healthBench();
const p50 = http.trellis.p50Ms / http.plain.p50Ms;
const p99 = http.trellis.p99Ms / http.plain.p99Ms;
const mean = http.trellis.meanMs / http.plain.meanMs;
const results = {
  date: new Date().toISOString(),
  node: process.version,
  durationSeconds: duration,
  connections,
  rounds,
  http: { ...http, ratio: { p50, p99, mean } },
  health,
};
writeFileSync(join(benchDir, 'results', 'types.json'), `${JSON.stringify(results, null, 2)}\n`);
const row = (name: string, f: Figures, note = ''): string =>
  `| ${name} | ${f.reqPerSec.toFixed(0)} | ${f.p50Ms.toFixed(2)} | ${f.p99Ms.toFixed(2)} | ${f.meanMs.toFixed(3)} | ${String(f.failed)} / ${String(f.total)} | ${note} |`;
process.stdout.write(
  [
    `Plugin types bench, ${String(duration)} s per run, ${String(connections)} connections, best of ${String(rounds)} interleaved rounds, Node ${process.version}`,
    '',
    '| run | req/s | p50 ms (1 ms resolution) | p99 ms (1 ms resolution) | mean ms (connections / req/s) | failed / total | note |',
    '|---|---|---|---|---|---|---|',
    row('GET /hello, plain fastify, 5 onRequest hooks', http.plain),
    row(
      'GET /hello, trellis.http, 5 middleware plugins',
      http.trellis,
      `p50 ${p50.toFixed(2)}x, p99 ${p99.toFixed(2)}x, mean ${mean.toFixed(2)}x plain (goal <= 1.15x)`,
    ),
    '',
    `Health: ${String(CHECKS)} checks, ${String(HANGING)} hang (timeout ${String(HANG_TIMEOUT)} ms): check() median ${health.medianMs.toFixed(1)} ms, max ${health.maxMs.toFixed(1)} ms over ${String(health.runs)} runs (goal <= ${String(HANG_TIMEOUT + 10)} ms)`,
    '',
  ].join('\n'),
);
