import { ValidationError } from '../errors/ValidationError.js';

/** Validates a registry-wide default timeout: a positive number of milliseconds or `undefined`. */
export function validateTimeout(ms: unknown): number | undefined {
  if (ms === undefined) return undefined;
  if (typeof ms === 'number' && ms > 0) return ms;
  throw new ValidationError(
    `Invalid default timeout ${JSON.stringify(ms)}: use a positive number of milliseconds, or undefined for none.`,
  );
}
