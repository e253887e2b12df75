import { TrellisError } from '@trellis/core';
import type { MetricsErrorCode } from './METRICS_ERROR_CODES.js';

/** Options of {@link MetricsError}. */
export interface MetricsErrorOptions {
  readonly code: MetricsErrorCode;
  /** The plugin whose metrics are concerned. */
  readonly plugin: string;
  readonly cause?: unknown;
}

/**
 * A plugin's metrics could not be used: invalid or duplicate definitions (its metrics are skipped),
 * or a `collectMetrics()` that threw, hung or returned bad values (its samples are left out of that
 * scrape and counted in `trellis_metrics_collect_errors_total`). Logged, never thrown at the scrape.
 */
export class MetricsError extends TrellisError {
  /** The plugin whose metrics are concerned. */
  readonly plugin: string;

  constructor(message: string, options: MetricsErrorOptions) {
    super(message, { code: options.code, cause: options.cause });
    this.plugin = options.plugin;
  }
}
