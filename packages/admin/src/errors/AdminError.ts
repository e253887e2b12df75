import { TrellisError } from '@trellis/core';
import type { AdminErrorCode } from './ADMIN_ERROR_CODES.js';

/**
 * An error of the admin API or of the admin plugin's setup. `statusCode` is the HTTP status the API
 * answers with; the body is `{ error: { code, message } }`, never a stack trace.
 */
export class AdminError extends TrellisError {
  /** The HTTP status of the answer. */
  readonly statusCode: number;

  constructor(
    message: string,
    options: { readonly code: AdminErrorCode; readonly statusCode: number; readonly cause?: unknown },
  ) {
    super(message, { code: options.code, cause: options.cause });
    this.statusCode = options.statusCode;
  }
}
