import type { Bench, HeapBench, LatencyBench, Measurement, ThroughputBench } from './types.js';
import type { RunSettings } from './settings.js';
import { median, percentile } from './stats.js';

/** Consumes every output so the optimiser cannot prove the measured work dead. */
interface Sink {
  value: number;
}

const now = (): bigint => process.hrtime.bigint();
const MAX_OPS_PER_SAMPLE = 1 << 24;
const noop = (): void => undefined;

function summarise(
  batchValues: number[],
  sampleValues: number[],
  opsPerSample: number,
  totalOps: number,
  sink: Sink,
): Measurement {
  return {
    median: median(batchValues),
    p99: percentile(sampleValues, 99),
    min: Math.min(...batchValues),
    max: Math.max(...batchValues),
    batches: batchValues.length,
    batchValues,
    samples: sampleValues.length,
    opsPerSample,
    totalOps,
    sink: sink.value,
  };
}

/** Times `count` consecutive synchronous operations; returns elapsed nanoseconds. */
function timeSyncSample(bench: ThroughputBench, first: number, count: number, sink: Sink): number {
  const run = bench.run as (input: number) => number;
  let acc = 0;
  const start = now();
  for (let i = 0; i < count; i++) acc = (acc + run(first + i)) | 0;
  const elapsed = Number(now() - start);
  sink.value = (sink.value + acc) | 0;
  return elapsed;
}

/** Times `count` consecutive awaited operations; returns elapsed nanoseconds. */
async function timeAsyncSample(
  bench: ThroughputBench,
  first: number,
  count: number,
  sink: Sink,
): Promise<number> {
  const run = bench.run as (input: number) => Promise<number>;
  let acc = 0;
  const start = now();
  for (let i = 0; i < count; i++) acc = (acc + (await run(first + i))) | 0;
  const elapsed = Number(now() - start);
  sink.value = (sink.value + acc) | 0;
  return elapsed;
}

/*
 * Decoys with distinct code: running them through the sampling loops first makes the loops' call
 * sites megamorphic, so the optimiser never inlines a contender into the timing loop. Without this,
 * whether it did was a coin toss between processes (the 10-handler floor measured 4.4 ns in two runs
 * out of three and 14 ns in the third); with it, every contender is called out of line, as application
 * code calls a dispatcher, and costs the same call overhead.
 */
const SYNC_DECOYS: readonly ((input: number) => number)[] = [
  (input) => input + 1,
  (input) => input ^ 3,
  (input) => Math.imul(input, 3),
  (input) => input - 7,
  (input) => input >>> 1,
  (input) => input << 2,
];
const ASYNC_DECOYS: readonly ((input: number) => Promise<number>)[] = [
  (input) => Promise.resolve(input + 1),
  (input) => Promise.resolve(input ^ 3),
  (input) => Promise.resolve(Math.imul(input, 3)),
  (input) => Promise.resolve(input - 7),
  (input) => Promise.resolve(input >>> 1),
  (input) => Promise.resolve(input << 2),
];

async function poisonCallSites(sink: Sink): Promise<void> {
  for (let round = 0; round < 50; round++) {
    for (const run of SYNC_DECOYS) timeSyncSample({ kind: 'throughput', async: false, run }, round, 4, sink);
    for (const run of ASYNC_DECOYS)
      await timeAsyncSample({ kind: 'throughput', async: true, run }, round, 4, sink);
    for (const run of [...SYNC_DECOYS, ...ASYNC_DECOYS]) {
      await timeLatencySample({ kind: 'latency', prepare: noop, run, check: run }, round, sink);
    }
  }
}

async function measureThroughput(
  bench: ThroughputBench,
  settings: RunSettings,
  slow: boolean,
): Promise<Measurement> {
  const sink: Sink = { value: 0 };
  const sample = (first: number, count: number): number | Promise<number> =>
    bench.async ? timeAsyncSample(bench, first, count, sink) : timeSyncSample(bench, first, count, sink);
  const sampleNs = settings.sampleUs * 1_000;
  await poisonCallSites(sink);
  let input = 0;
  let opsPerSample = 1;
  // Warm-up doubles the sample size until one sample lasts sampleUs, so the timer's own cost is noise.
  const warmupEnd = Date.now() + settings.warmupMs;
  const warmupOps = slow ? settings.warmupOps : Math.max(settings.warmupOps, 1_000);
  let warmed = 0;
  while (Date.now() < warmupEnd || warmed < warmupOps) {
    const elapsed = await sample(input, opsPerSample);
    input += opsPerSample;
    warmed += opsPerSample;
    if (elapsed < sampleNs && opsPerSample < MAX_OPS_PER_SAMPLE) opsPerSample *= 2;
  }
  const batchValues: number[] = [];
  const sampleValues: number[] = [];
  const batchNs = settings.batchMs * 1e6;
  for (let batch = 0; batch < settings.batches; batch++) {
    let spent = 0;
    let ops = 0;
    do {
      const elapsed = await sample(input, opsPerSample);
      input += opsPerSample;
      spent += elapsed;
      ops += opsPerSample;
      sampleValues.push(elapsed / opsPerSample);
    } while (spent < batchNs);
    batchValues.push(spent / ops);
  }
  return summarise(batchValues, sampleValues, opsPerSample, input, sink);
}

/** One prepared (untimed) and timed operation; returns elapsed nanoseconds. */
async function timeLatencySample(bench: LatencyBench, input: number, sink: Sink): Promise<number> {
  await bench.prepare(input);
  const start = now();
  const pending = bench.run(input);
  const output = pending instanceof Promise ? await pending : pending;
  const elapsed = Number(now() - start);
  sink.value = (sink.value + output) | 0;
  return elapsed;
}

async function measureLatency(
  bench: LatencyBench,
  settings: RunSettings,
  slow: boolean,
): Promise<Measurement> {
  const sink: Sink = { value: 0 };
  await poisonCallSites(sink);
  let input = 0;
  const warmupEnd = Date.now() + settings.warmupMs;
  const warmupOps = slow ? settings.warmupOps : Math.max(settings.warmupOps, 200);
  for (let done = 0; Date.now() < warmupEnd || done < warmupOps; done++) {
    await timeLatencySample(bench, input++, sink);
  }
  const batchValues: number[] = [];
  const sampleValues: number[] = [];
  const batchNs = settings.batchMs * 1e6;
  for (let batch = 0; batch < settings.batches; batch++) {
    // Preparation is untimed but can dominate wall time: a batch also ends after 4x its budget.
    const wallEnd = Date.now() + 4 * settings.batchMs;
    let spent = 0;
    let ops = 0;
    do {
      const elapsed = await timeLatencySample(bench, input++, sink);
      spent += elapsed;
      ops++;
      sampleValues.push(elapsed);
    } while (spent < batchNs && Date.now() < wallEnd);
    batchValues.push(spent / ops);
  }
  return summarise(batchValues, sampleValues, 1, input, sink);
}

async function measureHeap(bench: HeapBench, settings: RunSettings): Promise<Measurement> {
  const sink: Sink = { value: 0 };
  await bench.sampleBytes(); // warm-up: lazily created caches and code are not charged to the first sample
  const values: number[] = [];
  for (let i = 0; i < settings.heapSamples; i++) values.push(await bench.sampleBytes());
  return summarise(values, values, bench.units, bench.units * values.length, sink);
}

/** Warm-up, then `settings.batches` batches; median of batch means and p99 of samples, in ns per operation. */
export async function measure(
  bench: Bench,
  settings: RunSettings,
  options: { slow: boolean },
): Promise<Measurement> {
  switch (bench.kind) {
    case 'throughput':
      return measureThroughput(bench, settings, options.slow);
    case 'latency':
      return measureLatency(bench, settings, options.slow);
    case 'heap':
      return measureHeap(bench, settings);
  }
}
