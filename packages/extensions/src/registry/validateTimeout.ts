import { showValue } from '../errors/showValue.js';
import { ValidationError } from '../errors/ValidationError.js';
import { isValidTimeout } from '../handlers/isValidTimeout.js';
import { MAX_TIMEOUT } from '../handlers/MAX_TIMEOUT.js';

/**
 * Validates a registry-wide default timeout: a positive number of ms up to 2^31 − 1, `Infinity` or
 * `undefined` for none (returned as `undefined`).
 */
export function validateTimeout(ms: unknown): number | undefined {
  if (ms === undefined || ms === Infinity) return undefined;
  if (isValidTimeout(ms)) return ms;
  throw new ValidationError(
    `Invalid default timeout ${showValue(ms)} (option defaultTimeout): use a positive number of milliseconds up to ${MAX_TIMEOUT}, ` +
      `or Infinity (or undefined) for none.`,
  );
}
