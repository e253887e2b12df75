import { TrellisError } from '@trellis/extensions';
import type { CoreErrorCode } from './CoreErrorCode.js';

/** Options of {@link TransportError}. */
export interface TransportErrorOptions {
  /** The transport or backend concerned, e.g. `'redis'` or `'memory'`. */
  readonly transport: string;
  /** What was being done: `'publish'`, `'subscribe'`, `'connect'`… */
  readonly operation: string;
  /** Why it failed and what to do, one sentence. */
  readonly reason: string;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/**
 * An event transport, storage driver or service backend could not do its job: the broker was
 * unreachable past its bound, or the transport was already closed. Code `TRELLIS_TRANSPORT`.
 */
export class TransportError extends TrellisError {
  /** The code of every `TransportError`. */
  static readonly CODE = 'TRELLIS_TRANSPORT' satisfies CoreErrorCode;

  /** The transport or backend concerned. */
  readonly transport: string;
  /** What was being done. */
  readonly operation: string;

  constructor(options: TransportErrorOptions) {
    super(`Transport '${options.transport}' failed to ${options.operation}: ${options.reason}`, {
      code: TransportError.CODE,
      cause: options.cause,
    });
    this.transport = options.transport;
    this.operation = options.operation;
  }
}
