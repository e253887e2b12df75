import type { Bench, HeapBench, LatencyBench, Measurement, ThroughputBench } from './types.js';
import type { RunSettings } from './settings.js';
import { median, percentile } from './stats.js';

/** Consumes every output so the optimiser cannot prove the measured work dead. */
interface Sink {
  value: number;
}

const now = (): bigint => process.hrtime.bigint();
const MAX_OPS_PER_SAMPLE = 1 << 24;

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

async function measureThroughput(
  bench: ThroughputBench,
  settings: RunSettings,
  slow: boolean,
): Promise<Measurement> {
  const sink: Sink = { value: 0 };
  const sample = (first: number, count: number): number | Promise<number> =>
    bench.async ? timeAsyncSample(bench, first, count, sink) : timeSyncSample(bench, first, count, sink);
  const sampleNs = settings.sampleUs * 1_000;
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

async function measureLatency(
  bench: LatencyBench,
  settings: RunSettings,
  slow: boolean,
): Promise<Measurement> {
  const sink: Sink = { value: 0 };
  let input = 0;
  const once = async (): Promise<number> => {
    await bench.prepare(input);
    const start = now();
    const pending = bench.run(input);
    const output = pending instanceof Promise ? await pending : pending;
    const elapsed = Number(now() - start);
    sink.value = (sink.value + output) | 0;
    input++;
    return elapsed;
  };
  const warmupEnd = Date.now() + settings.warmupMs;
  const warmupOps = slow ? settings.warmupOps : Math.max(settings.warmupOps, 200);
  for (let done = 0; Date.now() < warmupEnd || done < warmupOps; done++) await once();
  const batchValues: number[] = [];
  const sampleValues: number[] = [];
  const batchNs = settings.batchMs * 1e6;
  for (let batch = 0; batch < settings.batches; batch++) {
    // Preparation is untimed but can dominate wall time: a batch also ends after 4x its budget.
    const wallEnd = Date.now() + 4 * settings.batchMs;
    let spent = 0;
    let ops = 0;
    do {
      const elapsed = await once();
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
