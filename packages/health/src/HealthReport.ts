import type { HealthResult, HealthStatus } from './HealthResult.js';

/** One plugin's entry in a {@link HealthReport}: its {@link HealthResult} plus when and how long. */
export interface HealthCheckResult extends HealthResult {
  /** When the check that produced this result began (ISO 8601). */
  readonly checkedAt: string;
  /** How long the check took in milliseconds (up to its timeout). */
  readonly durationMs: number;
  /**
   * Set when the aggregator made the result because the check failed: `TRELLIS_HEALTH_CHECK_FAILED`
   * (it threw or rejected), `TRELLIS_HEALTH_CHECK_TIMEOUT` or `TRELLIS_HEALTH_CHECK_INVALID` (it
   * returned something that is not a `HealthResult`).
   */
  readonly code?: string | undefined;
}

/** `HEALTH.check()`: the overall status (the worst of all) and one entry per checked plugin. */
export interface HealthReport {
  /** `unhealthy` if any check is, else `degraded` if any is, else `healthy` (also with no checks). */
  readonly status: HealthStatus;
  /** Plugin name → its result. */
  readonly checks: Readonly<Record<string, HealthCheckResult>>;
  /** When the report was made (ISO 8601). */
  readonly checkedAt: string;
}

/** `HEALTH.liveness()`: the process and the manager are up. */
export interface LivenessReport {
  readonly status: 'ok';
  /** Seconds since the process started. */
  readonly uptimeSeconds: number;
}

/** `HEALTH.readiness()`: whether the host should receive traffic, and if not why. */
export interface ReadinessReport {
  readonly status: 'ready' | 'not-ready';
  /** Why it is not ready (empty when ready): shutdown, plugins not started, unhealthy checks. */
  readonly reasons: readonly string[];
}
