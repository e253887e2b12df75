import { TrellisError } from '@trellis/core';
import type { HttpErrorCode } from './HTTP_ERROR_CODES.js';

/** Options of {@link HttpError}. */
export interface HttpErrorOptions {
  readonly code: HttpErrorCode;
  /** The plugin concerned, if any. */
  readonly plugin?: string | undefined;
  readonly cause?: unknown;
}

/**
 * An error of `@trellis/http`: a route that cannot be mounted (`TRELLIS_HTTP_ROUTE`,
 * `TRELLIS_HTTP_ROUTE_CONFLICT`), a middleware that failed (`TRELLIS_HTTP_MIDDLEWARE`), a server
 * that cannot listen (`TRELLIS_HTTP_LISTEN`).
 */
export class HttpError extends TrellisError {
  /** The plugin concerned, if any. */
  readonly plugin: string | undefined;

  constructor(message: string, options: HttpErrorOptions) {
    super(message, { code: options.code, cause: options.cause });
    this.plugin = options.plugin;
  }
}
