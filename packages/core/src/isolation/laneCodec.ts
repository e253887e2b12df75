import v8 from 'node:v8';

/**
 * Int32 slots of a hook lane's header. The worker imports this module from the plugin's own
 * `@trellis/core` (dist/isolation/laneCodec.js) for the codec; the numbers are interpolated into
 * `ISOLATED_ENTRY_SOURCE`. Internal.
 */
export const LANE_SLOT = {
  /** Sequence number of the last request (written by the host, then notified). */
  request: 0,
  /** Sequence number of the last answer (written by the worker, then notified). */
  response: 1,
  requestLength: 2,
  requestEncoding: 3,
  responseLength: 4,
  responseEncoding: 5,
  /** 1 once the host closed the lane (the worker's wait ends, and so does the host's). */
  closed: 6,
} as const;

/** How a lane value is encoded. `message`: the answer was too large and came as a port message. */
export const LANE_ENCODING = { json: 0, v8: 1, message: 2 } as const;

/** Bytes of the header, before the data area. */
export const LANE_HEADER_BYTES = 64;
/** Bytes of the data area (much more than JSON_MAX_SIZE): larger values take the message path. */
export const LANE_CAPACITY = 256 * 1024;

/**
 * The size of `value` as JSON would carry it, when JSON carries it exactly as a structured clone
 * would (string characters plus one per other value), or -1: when it is not only plain objects and
 * dense arrays without named members, of strings, booleans, null and finite numbers (not -0), with no
 * object reached twice (a clone keeps shared and cyclic references, JSON does not); or when it is
 * larger than `limit` (the walk stops there).
 */
export function exactJsonSize(value: unknown, seen: Set<object>, limit: number): number {
  switch (typeof value) {
    case 'string':
      return value.length + 1;
    case 'boolean':
      return 1;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0) ? 1 : -1;
    case 'object': {
      if (value === null) return 1;
      if (seen.has(value)) return -1;
      seen.add(value);
      let size = 1;
      if (Array.isArray(value)) {
        if (value.length > limit || Object.keys(value).length !== value.length) return -1;
        for (const item of value as unknown[]) {
          const itemSize = exactJsonSize(item, seen, limit - size);
          if (itemSize < 0 || (size += itemSize) > limit) return -1;
        }
        return size;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return -1;
      for (const key in value) {
        const itemSize = exactJsonSize((value as Record<string, unknown>)[key], seen, limit - size);
        if (itemSize < 0 || (size += key.length + itemSize) > limit) return -1;
      }
      return size;
    }
    default:
      return -1;
  }
}

/** Up to this size JSON is the faster encoding; past it V8's serializer copies strings faster. */
const LANE_JSON_MAX_SIZE = 2048;

/**
 * How long one side spins for the other before waiting through its event loop (ns): a wake-up from
 * sleep costs tens of microseconds on a small VM, more than most hooks take.
 */
export const LANE_SPIN_NS = 100_000n;

/**
 * Writes `value` into the data area: small values JSON can carry exactly as JSON, the rest with V8's
 * structured-clone serializer (which throws `DataCloneError` for what cannot be cloned, as
 * `postMessage` does). `undefined` when it does not fit.
 */
export function writeLaneValue(
  data: Buffer,
  value: unknown,
): { readonly length: number; readonly encoding: number } | undefined {
  if (exactJsonSize(value, new Set(), LANE_JSON_MAX_SIZE) >= 0) {
    const text = JSON.stringify(value);
    return { length: data.write(text, 0, 'utf8'), encoding: LANE_ENCODING.json };
  }
  const bytes = v8.serialize(value);
  if (bytes.length > data.length) return undefined;
  data.set(bytes, 0);
  return { length: bytes.length, encoding: LANE_ENCODING.v8 };
}

/** Reads a value written by {@link writeLaneValue} (on either side). */
export function readLaneValue(data: Buffer, encoding: number, length: number): unknown {
  return encoding === LANE_ENCODING.json
    ? JSON.parse(data.toString('utf8', 0, length))
    : v8.deserialize(data.subarray(0, length));
}
