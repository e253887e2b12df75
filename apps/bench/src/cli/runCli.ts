/**
 * Wall time of the `trellis` command as a user runs it: `trellis --help`, and `trellis doctor` on a
 * host of 1,000 plugin modules with a random dependency graph. Each run is a fresh process; medians
 * and the slowest run are reported. Run with `pnpm --filter @trellis/bench bench:cli`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PLUGINS = 1_000;
const bin = fileURLToPath(new URL('../../../../packages/cli/dist/bin.js', import.meta.url));
// Inside the package, so that the plugin modules resolve `@trellis/core` from its node_modules.
const host = fileURLToPath(new URL('../../.tmp-cli-host/', import.meta.url));
const results = fileURLToPath(new URL('../../results/cli.json', import.meta.url));

function writeHost(): void {
  rmSync(host, { recursive: true, force: true });
  mkdirSync(join(host, 'plugins'), { recursive: true });
  writeFileSync(
    join(host, 'trellis.config.yaml'),
    'plugins:\n  directories: [./plugins]\n  packages: false\n',
  );
  let seed = 42;
  const random = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let index = 0; index < PLUGINS; index += 1) {
    const dependencies =
      index === 0 ? [] : [...new Set([0, 1, 2].map(() => `p${Math.floor(random() * index)}`))];
    writeFileSync(
      join(host, 'plugins', `p${index}.plugin.mjs`),
      `import { definePlugin } from '@trellis/core';\nexport default definePlugin({ name: 'p${index}', version: '1.0.0', dependencies: ${JSON.stringify(dependencies)} });\n`,
    );
  }
}

function time(args: readonly string[], runs: number): { median: number; max: number } {
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = process.hrtime.bigint();
    try {
      execFileSync(process.execPath, [bin, ...args], { stdio: 'ignore' });
    } catch {
      // doctor exits 1 on problems; the time still counts
    }
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)] ?? 0, max: samples.at(-1) ?? 0 };
}

writeHost();
const help = time(['--help'], 15);
const doctor = time(['doctor', '--json', '--cwd', host], 7);
const list = time(['list', '--json', '--cwd', host], 7);
rmSync(host, { recursive: true, force: true });

const rows = [
  ['trellis --help', help, 300],
  [`trellis doctor (${PLUGINS} plugins)`, doctor, 2_000],
  [`trellis list (${PLUGINS} plugins)`, list, 2_000],
] as const;
console.log('| command | median | slowest | goal |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, figure, goal] of rows) {
  console.log(`| ${name} | ${figure.median.toFixed(0)} ms | ${figure.max.toFixed(0)} ms | < ${goal} ms |`);
}
writeFileSync(
  results,
  `${JSON.stringify({ node: process.version, plugins: PLUGINS, help, doctor, list }, null, 2)}\n`,
);
