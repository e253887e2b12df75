/** The outcome of one health check, worst last: `healthy` < `degraded` < `unhealthy`. */
export type HealthStatus = 'healthy' | 'degraded' | 'unhealthy';

/**
 * What a health check returns.
 *
 * @example
 * ```ts
 * return { status: 'degraded', message: 'replica lag 12 s', details: { lagSeconds: 12 } };
 * ```
 */
export interface HealthResult {
  /** The plugin's health. */
  readonly status: HealthStatus;
  /** A short human-readable explanation. */
  readonly message?: string | undefined;
  /** Free-form data shown by the admin API (keep it JSON-safe). */
  readonly details?: Readonly<Record<string, unknown>> | undefined;
}
