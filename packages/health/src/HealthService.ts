import type { HealthCheckResult, HealthReport, LivenessReport, ReadinessReport } from './HealthReport.js';

/**
 * The service `trellis.health` offers under the {@link HEALTH} token.
 *
 * @example
 * ```ts
 * const health = ctx.get(HEALTH);
 * const { status, reasons } = await health.readiness();
 * ```
 */
export interface HealthService {
  /**
   * Runs every health check (concurrently, each bounded by its timeout, cached results reused) and
   * reports the overall status with one entry per checked plugin. Never rejects.
   */
  check(): Promise<HealthReport>;
  /** One plugin's check (cached result reused), or `undefined` when it has no loaded check. */
  checkPlugin(name: string): Promise<HealthCheckResult | undefined>;
  /** The process and the manager are up. */
  liveness(): LivenessReport;
  /**
   * Ready when every enabled plugin is `started` and no check is `unhealthy`; not ready from the
   * moment shutdown begins (`trellis.app.stopping`). Never rejects.
   */
  readiness(): Promise<ReadinessReport>;
  /** Whether shutdown has begun (readiness is then `not-ready` without running checks). */
  readonly shuttingDown: boolean;
}
