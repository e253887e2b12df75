import type { HealthResult } from './HealthResult.js';

/**
 * A health-check plugin: any loaded plugin with a `checkHealth` method. The aggregator of
 * `trellis.health` finds it by that method; the plugin never imports the aggregator.
 *
 * @example
 * ```ts
 * @plugin({ name: 'db' })
 * export class DbPlugin implements HealthCheck {
 *   readonly healthCheckInterval = 10_000;
 *   async checkHealth(signal: AbortSignal): Promise<HealthResult> {
 *     await this.pool.query('select 1', { signal });
 *     return { status: 'healthy' };
 *   }
 * }
 * ```
 */
export interface HealthCheck {
  /**
   * Checks the plugin's health. `signal` is aborted when the check runs past its timeout (its late
   * result is then ignored). Throwing or rejecting counts as `unhealthy` with the error's message.
   */
  checkHealth(signal: AbortSignal): HealthResult | Promise<HealthResult>;
  /** How long (ms) a result is reused before the check runs again; default the aggregator's (0: never). */
  readonly healthCheckInterval?: number | undefined;
  /** How long (ms) the check may take before it counts as `unhealthy`; default 5000. */
  readonly healthCheckTimeout?: number | undefined;
}
