/**
 * Isolation cost: the round trip of one filter hook served by a plugin in a worker thread and in a
 * child process, against the same hook in the host, for a small payload and a 10 KB one
 * (`triggerAsync`, one handler, p50/p99 of single calls). Plugin modules are written under
 * apps/bench/.scratch so that `@trellis/core` resolves to the built workspace package.
 *
 * Run: `pnpm --filter @trellis/bench bench:isolation` (builds first), or `node dist/isolation/runIsolation.js`
 * after a build. Figures from a shared machine are indicative only.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PluginManager } from '@trellis/core';

const SCRATCH = fileURLToPath(new URL('../../.scratch/', import.meta.url));
const WARMUP = 500;
const CALLS = Number(process.env.ISOLATION_CALLS ?? 5_000);
const MODES = ['none', 'worker', 'process'] as const;

const SOURCE = `import { definePlugin } from '@trellis/core';
export default definePlugin({
  name: 'echo',
  hooks: [{ on: 'bench.filter', handler: async (value) => ({ ...value, seen: true }) }],
});
`;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function measure(mode: (typeof MODES)[number], payload: Readonly<Record<string, unknown>>) {
  const dir = join(SCRATCH, `isolation-${randomUUID()}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'echo.plugin.mjs'), SOURCE);
  const manager = new PluginManager({ logger: false, config: { echo: { isolation: mode } } });
  try {
    await manager.discoverPlugins(dir);
    const report = await manager.start();
    const failure = report.failed[0];
    if (failure !== undefined) throw failure.error;
    for (let i = 0; i < WARMUP; i++) await manager.triggerAsync('bench.filter', payload);
    const times: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      const began = process.hrtime.bigint();
      const result = (await manager.triggerAsync('bench.filter', payload)) as { seen?: boolean };
      times.push(Number(process.hrtime.bigint() - began) / 1_000);
      if (result.seen !== true) throw new Error(`${mode}: the hook did not answer`);
    }
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p99: percentile(times, 99) };
  } finally {
    await manager.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const payloads = {
  small: { id: 1, name: 'x' },
  '10 KB': { id: 1, blob: 'x'.repeat(10 * 1024) },
} as const;

const rows: string[] = ['| mode | payload | p50 µs | p99 µs | p50 vs in-process |', '|---|---|---|---|---|'];
for (const [label, payload] of Object.entries(payloads)) {
  let base = Number.NaN;
  for (const mode of MODES) {
    const { p50, p99 } = await measure(mode, payload);
    if (mode === 'none') base = p50;
    rows.push(`| ${mode} | ${label} | ${p50.toFixed(1)} | ${p99.toFixed(1)} | ${(p50 / base).toFixed(1)}x |`);
  }
}
process.stdout.write(
  `${rows.join('\n')}\n(${String(CALLS)} calls each after ${String(WARMUP)} warm-up calls)\n`,
);

/** Start of `count` worker plugins (`manager.start()`), and resident memory added per worker. */
async function startMany(count: number): Promise<{ ms: number; mbPerWorker: number }> {
  const dir = join(SCRATCH, `isolation-many-${randomUUID()}`);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++)
    writeFileSync(
      join(dir, `w${String(i)}.plugin.mjs`),
      SOURCE.replace("name: 'echo'", `name: 'w${String(i)}'`),
    );
  const config = Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`w${String(i)}`, { isolation: 'worker' }]),
  );
  const manager = new PluginManager({ logger: false, config, lifecycleTimeout: 120_000 });
  try {
    await manager.discoverPlugins(dir);
    const before = process.memoryUsage().rss;
    const began = performance.now();
    const report = await manager.start();
    const ms = performance.now() - began;
    if (report.started.length !== count) throw new Error(`${String(report.failed.length)} workers failed`);
    const mbPerWorker = (process.memoryUsage().rss - before) / count / 1024 / 1024;
    return { ms, mbPerWorker };
  } finally {
    await manager.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const many = await startMany(50);
process.stdout.write(
  `start of 50 worker plugins: ${many.ms.toFixed(0)} ms; resident memory per worker: ${many.mbPerWorker.toFixed(1)} MB\n`,
);
