/** Timing parameters of a run. */
export interface RunSettings {
  readonly quick: boolean;
  /** Minimum warm-up time before the first batch. */
  readonly warmupMs: number;
  /** Minimum operations during warm-up (slow cases). */
  readonly warmupOps: number;
  readonly batches: number;
  /** Target duration of one batch; a batch always holds at least one operation. */
  readonly batchMs: number;
  /** Target duration of one timed sample (a run of consecutive operations); p99 is over samples. */
  readonly sampleUs: number;
  /** Heap cases: number of samples (each a fresh structure). */
  readonly heapSamples: number;
  /**
   * Fresh processes per contender, in alternating order across the case's contenders; the round with
   * the lowest median is kept (noise from other work on the machine only ever adds time).
   */
  readonly rounds: number;
}

export function settingsFor(quick: boolean): RunSettings {
  return quick
    ? { quick, warmupMs: 60, warmupOps: 1, batches: 7, batchMs: 20, sampleUs: 20, heapSamples: 7, rounds: 1 }
    : {
        quick,
        warmupMs: 200,
        warmupOps: 2,
        batches: 11,
        batchMs: 50,
        sampleUs: 25,
        heapSamples: 9,
        rounds: 2,
      };
}
