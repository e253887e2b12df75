import { TrellisError } from '@trellis/core';
import type { StorageErrorCode } from './STORAGE_ERROR_CODES.js';

/** Options of {@link StorageError}. */
export interface StorageErrorOptions {
  /** What went wrong: a bad value, a bad key, a driver problem, or a closed store. */
  readonly code: StorageErrorCode;
  /** The plugin whose storage was used, when known. */
  readonly plugin?: string;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/**
 * A storage operation was refused or failed: a value that is not JSON (`TRELLIS_STORAGE_VALUE`), an
 * invalid key (`TRELLIS_STORAGE_KEY`), a driver that cannot be opened or is missing
 * (`TRELLIS_STORAGE_DRIVER`), or a closed store (`TRELLIS_STORAGE_CLOSED`).
 */
export class StorageError extends TrellisError {
  /** The plugin whose storage was used, when known. */
  readonly plugin: string | undefined;

  constructor(message: string, options: StorageErrorOptions) {
    super(message, { code: options.code, cause: options.cause });
    this.plugin = options.plugin;
  }
}
