/** How a case's figures are shown: the unit every stored value is converted to for display. */
export type DisplayUnit = 'ns' | 'µs' | 'ms' | 'B';

/**
 * A timed workload: `run(i)` performs one operation on input `i` and returns a number that the
 * harness folds into a result sink, so the optimiser cannot drop the work.
 */
export interface ThroughputBench {
  readonly kind: 'throughput';
  /** Whether `run` returns a promise (awaited per operation). */
  readonly async: boolean;
  readonly run: (input: number) => number | Promise<number>;
  /** The output compared by the equivalence gate; defaults to `run`. */
  check?(input: number): unknown;
  dispose?(): void | Promise<void>;
}

/**
 * One operation per sample with untimed preparation: `prepare(i)` sets the state up (for example a
 * registration change), then only `run(i)` is timed.
 */
export interface LatencyBench {
  readonly kind: 'latency';
  readonly prepare: (input: number) => void | Promise<void>;
  readonly run: (input: number) => number | Promise<number>;
  check(input: number): unknown;
  dispose?(): void | Promise<void>;
}

/** Heap bytes per unit: `sampleBytes()` builds a structure of `units` items and returns bytes per item. */
export interface HeapBench {
  readonly kind: 'heap';
  readonly units: number;
  sampleBytes(): Promise<number>;
  check(input: number): unknown;
  dispose?(): void | Promise<void>;
}

export type Bench = ThroughputBench | LatencyBench | HeapBench;

/** One competitor in a case: either runnable, or not applicable with the reason shown in the table. */
export interface Contender {
  /** Stable id used in results and on the command line (`floor`, `trellis`, `tapable`, ...). */
  readonly id: string;
  /** Column label in the Markdown table. */
  readonly label: string;
  /** The hand-written floor of the case: the reference of the gate and the lower bound of timings. */
  readonly floor?: boolean;
  /** Set when the peer lacks the feature: the table prints `n/a (reason)`. */
  readonly na?: string;
  /** A footnote shown next to the figure (for example when a peer needs an idiom to do the same work). */
  readonly note?: string;
  load?(): Promise<Bench>;
}

export interface BenchCase {
  /** Dot-separated id, matched by `--filter`. */
  readonly id: string;
  /** Table the case is shown in. */
  readonly group: string;
  /** Row label inside its group. */
  readonly title: string;
  readonly unit: DisplayUnit;
  /** Inputs given to every contender's `check` by the equivalence gate, in order, on a fresh instance. */
  readonly gateInputs: readonly number[];
  /** Node flags the child process needs (for example `--expose-gc`). */
  readonly nodeFlags?: readonly string[];
  /** Work per timed operation is large: fewer warm-up operations are enough. */
  readonly slow?: boolean;
  readonly contenders: readonly Contender[];
}

/** Timing of one contender in one case, in nanoseconds per operation (bytes for heap cases). */
export interface Measurement {
  readonly median: number;
  readonly p99: number;
  readonly min: number;
  readonly max: number;
  readonly batches: number;
  readonly batchValues: readonly number[];
  readonly samples: number;
  readonly opsPerSample: number;
  readonly totalOps: number;
  readonly sink: number;
}

export type ContenderStatus = 'ok' | 'n/a' | 'rejected' | 'gate-failed' | 'error';

export interface ContenderResult {
  readonly id: string;
  readonly label: string;
  readonly status: ContenderStatus;
  readonly floor: boolean;
  readonly reason?: string;
  readonly note?: string;
  readonly measurement?: Measurement;
  /** The median of every round (process) of this contender; `measurement` is the lowest. */
  readonly roundMedians?: readonly number[];
  /** median / floor median, when both exist. */
  readonly vsFloor?: number;
}

export interface CaseResult {
  readonly id: string;
  readonly group: string;
  readonly title: string;
  readonly unit: DisplayUnit;
  readonly contenders: readonly ContenderResult[];
}
