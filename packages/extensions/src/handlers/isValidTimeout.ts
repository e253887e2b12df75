import { MAX_TIMEOUT } from './MAX_TIMEOUT.js';

/** A time limit is a positive number of ms up to {@link MAX_TIMEOUT}, or `Infinity` for none. */
export const isValidTimeout = (ms: unknown): ms is number =>
  typeof ms === 'number' && ms > 0 && (ms <= MAX_TIMEOUT || ms === Infinity);
