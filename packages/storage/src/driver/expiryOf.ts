import { StorageError } from '../errors/StorageError.js';
import type { StorageSetOptions } from './StorageDriver.js';

/** The expiry time (epoch ms) of a write, or undefined without a ttl; throws on a bad ttl. Internal. */
export function expiryOf(options: StorageSetOptions | undefined, now: number): number | undefined {
  const ttl = options?.ttl;
  if (ttl === undefined) return undefined;
  if (typeof ttl !== 'number' || !Number.isFinite(ttl) || ttl <= 0) {
    throw new StorageError(`storage ttl must be a positive number of milliseconds, got ${String(ttl)}`, {
      code: 'TRELLIS_STORAGE_VALUE',
    });
  }
  return now + ttl;
}
