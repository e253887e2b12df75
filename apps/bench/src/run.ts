/**
 * The benchmark runner: every contender of every case in a fresh Node process, one after another,
 * then the tables and the targets. Usage: see USAGE in harness/args.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { allCases } from './cases/index.js';
import { parseArgs, USAGE } from './harness/args.js';
import { settingsFor } from './harness/settings.js';
import { runChild } from './harness/runChild.js';
import { runGate } from './harness/gate.js';
import { median, percentile } from './harness/stats.js';
import { evaluateTargets } from './harness/targets.js';
import { markdownReport, type RunMeta, type RunReport } from './harness/report.js';
import { formatRatio, formatWithUnit } from './harness/format.js';
import { updateDocs } from './harness/updateDocs.js';
import type { BenchCase, CaseResult, Contender, ContenderResult, Measurement } from './harness/types.js';

/** A contender more than this much faster than the floor is a measurement error, not a win. */
const FLOOR_TOLERANCE = 0.95;

const options = parseArgs(process.argv.slice(2));
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

const docsFile = fileURLToPath(new URL('../../../docs/performance.md', import.meta.url));
if (options.updateDocs) {
  const latest = JSON.parse(
    readFileSync(fileURLToPath(new URL('../results/latest.json', import.meta.url)), 'utf8'),
  ) as RunReport;
  console.error(
    updateDocs(docsFile, latest) ? 'updated docs/performance.md' : 'docs/performance.md has no markers',
  );
  process.exit(0);
}

const matches = (id: string, patterns: readonly string[]): boolean =>
  patterns.length === 0 || patterns.some((pattern) => id.includes(pattern));
const cases = allCases().filter((benchCase) => matches(benchCase.id, options.filters));

if (options.list) {
  for (const benchCase of cases) {
    const ids = benchCase.contenders.map((contender) => (contender.na ? `(${contender.id})` : contender.id));
    console.log(`${benchCase.id.padEnd(30)} ${ids.join(' ')}`);
  }
  process.exit(0);
}
if (cases.length === 0) {
  console.error(`no case matches ${options.filters.join(', ')}; try --list`);
  process.exit(1);
}

const childScript = fileURLToPath(new URL('./child.js', import.meta.url));
const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));
const profileDir = `${resultsDir}profiles`;
if (options.profile) mkdirSync(profileDir, { recursive: true });
const settings = settingsFor(options.quick);
const started = Date.now();
const startLoad = os.loadavg()[0] ?? 0;
if (startLoad > os.availableParallelism() / 4) {
  console.error(
    `warning: load average ${startLoad.toFixed(2)} on ${os.availableParallelism()} cores: other work will skew the timings`,
  );
}

/** Rejects figures below the floor and adds the ratio to the floor. */
function judge(results: ContenderResult[]): ContenderResult[] {
  const floor = results.find((result) => result.floor && result.status === 'ok')?.measurement?.median;
  if (floor === undefined) return results;
  return results.map((result) => {
    if (result.status !== 'ok' || result.floor || !result.measurement) return result;
    const vsFloor = result.measurement.median / floor;
    return vsFloor < FLOOR_TOLERANCE
      ? { ...result, status: 'rejected', vsFloor, reason: `${formatRatio(vsFloor)} of the floor` }
      : { ...result, vsFloor };
  });
}

async function runCase(benchCase: BenchCase): Promise<CaseResult> {
  const results = new Map<string, ContenderResult>();
  const timed: Contender[] = [];
  for (const contender of benchCase.contenders) {
    const base = {
      id: contender.id,
      label: contender.label,
      floor: contender.floor === true,
      ...(contender.note === undefined ? {} : { note: contender.note }),
    };
    if (contender.na !== undefined || !contender.load) {
      results.set(contender.id, { ...base, status: 'n/a', reason: contender.na ?? 'not runnable' });
      continue;
    }
    if (!contender.floor && !matches(contender.id, options.contenders)) continue;
    // The equivalence gate runs here, in the runner, before any timing.
    const gate = await runGate(benchCase, contender).catch((error: unknown) => ({
      ok: false as const,
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    }));
    if (!gate.ok) {
      console.error(`  ${benchCase.id.padEnd(28)} ${contender.id.padEnd(18)} gate failed: ${gate.message}`);
      results.set(contender.id, { ...base, status: 'gate-failed', reason: gate.message });
      continue;
    }
    results.set(contender.id, { ...base, status: 'ok' });
    timed.push(contender);
  }
  const rounds = new Map<string, Measurement[]>();
  const timeRound = async (contenders: readonly Contender[], round: number): Promise<void> => {
    for (const contender of contenders) {
      const previous = results.get(contender.id);
      if (previous?.status !== 'ok') continue;
      const message = await runChild({
        script: childScript,
        caseId: benchCase.id,
        contenderId: contender.id,
        quick: options.quick,
        nodeFlags: [...(benchCase.nodeFlags ?? []), ...profileFlags(benchCase, contender, round)],
        timeoutMs: (options.quick ? 90 : 240) * 1_000,
      });
      if (message.status !== 'ok') {
        results.set(contender.id, { ...previous, status: message.status, reason: message.reason });
        console.error(
          `  ${benchCase.id.padEnd(28)} ${contender.id.padEnd(18)} ${message.status}: ${message.reason.split('\n')[0] ?? ''}`,
        );
        continue;
      }
      const list = rounds.get(contender.id) ?? [];
      list.push(message.measurement);
      rounds.set(contender.id, list);
      const m = message.measurement;
      console.error(
        `  ${benchCase.id.padEnd(28)} ${contender.id.padEnd(18)} ${formatWithUnit(m.median, benchCase.unit)} (p99 ${formatWithUnit(m.p99, benchCase.unit)})`,
      );
    }
  };
  const judged = (): ContenderResult[] =>
    judge(
      [...results.values()].map((result): ContenderResult => {
        const measured = rounds.get(result.id);
        if (result.status !== 'ok' || !measured || measured.length === 0) return result;
        const roundMedians = measured.map((m) => m.median);
        // Time noise only adds: keep the fastest round. Heap noise goes both ways: pool the samples.
        const best =
          benchCase.unit === 'B'
            ? pooled(measured)
            : measured.reduce((a, b) => (b.median < a.median ? b : a));
        return { ...result, measurement: best, roundMedians };
      }),
    );
  for (let round = 0; round < settings.rounds; round++) {
    await timeRound(round % 2 === 0 ? timed : [...timed].reverse(), round);
  }
  let contenders = judged();
  // A figure below the floor means a disturbed floor process as often as a broken contender: time the
  // floor and the rejected contenders once more before reporting the rejection.
  const rejected = contenders
    .filter((contender) => contender.status === 'rejected')
    .map((contender) => contender.id);
  if (rejected.length > 0) {
    console.error(
      `  ${benchCase.id.padEnd(28)} below the floor: ${rejected.join(', ')}; timing them and the floor again`,
    );
    await timeRound(
      timed.filter((contender) => contender.floor === true || rejected.includes(contender.id)),
      settings.rounds,
    );
    contenders = judged();
  }
  return {
    id: benchCase.id,
    group: benchCase.group,
    title: benchCase.title,
    unit: benchCase.unit,
    contenders,
  };
}

/** One measurement from the samples of several rounds (heap cases). */
function pooled(measurements: readonly Measurement[]): Measurement {
  const first = measurements[0] as Measurement;
  const values = measurements.flatMap((m) => m.batchValues);
  return {
    ...first,
    median: median(values),
    p99: percentile(values, 99),
    min: Math.min(...values),
    max: Math.max(...values),
    batches: values.length,
    batchValues: values,
    samples: values.length,
    totalOps: measurements.reduce((sum, m) => sum + m.totalOps, 0),
  };
}

function profileFlags(benchCase: BenchCase, contender: Contender, round: number): string[] {
  if (!options.profile) return [];
  const name = `${benchCase.id}.${contender.id}.${round}.cpuprofile`;
  return ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}`];
}

/** The commit measured, and whether the measured code (packages, bench sources) had local changes. */
function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const status = execFileSync(
      'git',
      ['status', '--porcelain', '--untracked-files=no', '--', ':/packages', ':/apps/bench/src'],
      {
        encoding: 'utf8',
      },
    );
    return status.trim() === '' ? commit : `${commit} (with uncommitted changes)`;
  } catch {
    return 'unknown';
  }
}

const measuredCommit = gitCommit();
console.error(
  `${options.quick ? 'quick' : 'full'} run: ${cases.length} cases, each contender in a fresh process`,
);
const caseResults: CaseResult[] = [];
for (const benchCase of cases) caseResults.push(await runCase(benchCase));

const meta: RunMeta = {
  date: new Date().toISOString(),
  mode: options.quick ? 'quick' : 'full',
  node: process.version,
  v8: process.versions.v8,
  platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  cpu: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
  cores: os.availableParallelism(),
  git: measuredCommit,
  filters: options.filters,
  contenders: options.contenders,
  settings,
  durationSeconds: (Date.now() - started) / 1000,
  loadAverage: { start: startLoad, end: os.loadavg()[0] ?? 0 },
};
const report: RunReport = { meta, targets: evaluateTargets(caseResults), cases: caseResults };
const partial = options.filters.length > 0 || options.contenders.length > 0;
const stem = partial ? 'partial' : 'latest';
mkdirSync(resultsDir, { recursive: true });
const markdown = markdownReport(report);
writeFileSync(`${resultsDir}${stem}.json`, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(`${resultsDir}${stem}.md`, markdown.endsWith('\n') ? markdown : `${markdown}\n`);

console.log(markdown);
console.error(`\nwrote results/${stem}.json and results/${stem}.md in ${Math.round(meta.durationSeconds)} s`);
// Only a complete full run is the reference the guide quotes.
if (!partial && !options.quick) {
  if (updateDocs(docsFile, report)) console.error('updated the results section of docs/performance.md');
}
const failed = caseResults.flatMap((benchCase) =>
  benchCase.contenders
    .filter((contender) => contender.status === 'gate-failed' || contender.status === 'error')
    .map((contender) => `${benchCase.id} ${contender.id}`),
);
if (failed.length > 0) {
  console.error(`\n${failed.length} contender(s) failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
