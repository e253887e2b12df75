import {
  LANE_CAPACITY,
  LANE_ENCODING,
  LANE_HEADER_BYTES,
  LANE_SLOT,
  LANE_SPIN_NS,
  readLaneValue,
  writeLaneValue,
} from './laneCodec.js';

/** An answer read from the lane: the envelope the worker wrote, or the id of the message carrying it. */
export interface LaneAnswer {
  readonly ok?: boolean;
  readonly value?: unknown;
  readonly error?: unknown;
  /** The answer was too large for the lane: it comes as the message of this id. */
  readonly byMessage?: number;
}

/** `Atomics.waitAsync` (Node 16+), typed here: the compiler's ES2023 library does not have it. */
type WaitAsync = (
  array: Int32Array,
  index: number,
  value: number,
) => { async: false; value: string } | { async: true; value: Promise<string> };
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;

/**
 * The host's end of a worker plugin's hook lane: one hook call at a time through shared memory
 * (a header of Int32 slots and a data area), woken with `Atomics.notify`. The host spins up to
 * {@link LANE_SPIN_NS} for the answer, then waits with `Atomics.waitAsync`; a plugin whose last answer came
 * later than that is waited for without spinning. A call the lane cannot take (one already in flight,
 * a payload larger than the data area) goes by message instead. Internal.
 */
export class HookLane {
  /** Handed to the worker (`workerData`). */
  readonly buffer = new SharedArrayBuffer(LANE_HEADER_BYTES + LANE_CAPACITY);
  readonly #header = new Int32Array(this.buffer, 0, LANE_HEADER_BYTES / 4);
  readonly #data = Buffer.from(this.buffer, LANE_HEADER_BYTES, LANE_CAPACITY);
  #seq = 0;
  #busy = false;
  #spin = true;
  #closed: Error | undefined;

  /**
   * Sends one hook request; `undefined` when the lane cannot take it now (the caller sends it by
   * message). Rejects with the closing error if the lane is closed before the answer.
   */
  call(request: unknown): Promise<LaneAnswer> | undefined {
    if (this.#busy || this.#closed !== undefined) return undefined;
    let written: ReturnType<typeof writeLaneValue>;
    try {
      written = writeLaneValue(this.#data, request);
    } catch {
      return undefined; // the message path reports the clone error as it always did
    }
    if (written === undefined) return undefined;
    this.#busy = true;
    const header = this.#header;
    const previous = this.#seq;
    const seq = (this.#seq = previous >= 0x7fffffff ? 1 : previous + 1);
    header[LANE_SLOT.requestLength] = written.length;
    header[LANE_SLOT.requestEncoding] = written.encoding;
    const began = process.hrtime.bigint();
    Atomics.store(header, LANE_SLOT.request, seq);
    Atomics.notify(header, LANE_SLOT.request);
    if (this.#spin) {
      const deadline = began + LANE_SPIN_NS;
      while (Atomics.load(header, LANE_SLOT.response) !== seq) if (process.hrtime.bigint() > deadline) break;
      if (Atomics.load(header, LANE_SLOT.response) === seq) return Promise.resolve(this.#answer());
    }
    return this.#wait(previous, seq, began);
  }

  /** Ends the lane: a call in flight rejects with `error`; the worker's wait ends. */
  close(error: Error): void {
    if (this.#closed !== undefined) return;
    this.#closed = error;
    Atomics.store(this.#header, LANE_SLOT.closed, 1);
    Atomics.notify(this.#header, LANE_SLOT.request);
    Atomics.notify(this.#header, LANE_SLOT.response);
  }

  async #wait(previous: number, seq: number, began: bigint): Promise<LaneAnswer> {
    const header = this.#header;
    while (Atomics.load(header, LANE_SLOT.response) !== seq) {
      if (this.#closed !== undefined) {
        this.#busy = false;
        throw this.#closed;
      }
      const waited = waitAsync(header, LANE_SLOT.response, previous);
      if (waited.async) await waited.value;
    }
    this.#spin = process.hrtime.bigint() - began <= LANE_SPIN_NS;
    return this.#answer();
  }

  #answer(): LaneAnswer {
    const header = this.#header;
    const encoding = header[LANE_SLOT.responseEncoding] ?? LANE_ENCODING.v8;
    try {
      if (encoding === LANE_ENCODING.message) return { byMessage: -this.#seq };
      return readLaneValue(this.#data, encoding, header[LANE_SLOT.responseLength] ?? 0) as LaneAnswer;
    } finally {
      this.#busy = false;
    }
  }
}
