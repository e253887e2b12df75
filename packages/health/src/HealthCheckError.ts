import { TrellisError } from '@trellis/core';
import type { HealthErrorCode } from './HEALTH_ERROR_CODES.js';

/** Options of {@link HealthCheckError}. */
export interface HealthCheckErrorOptions {
  readonly code: HealthErrorCode;
  /** The plugin whose check failed. */
  readonly plugin: string;
  /** What the check threw, if it threw. */
  readonly cause?: unknown;
}

/**
 * A health check that threw, rejected, timed out or returned something that is not a
 * `HealthResult`. The aggregator never throws it: it becomes the `unhealthy` result of that plugin
 * (its `message` and `code`), is logged, and is the reason the abort signal of a timed-out check gives.
 */
export class HealthCheckError extends TrellisError {
  /** The plugin whose check failed. */
  readonly plugin: string;

  constructor(message: string, options: HealthCheckErrorOptions) {
    super(message, { code: options.code, cause: options.cause });
    this.plugin = options.plugin;
  }
}
