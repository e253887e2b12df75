import type { MetricDefinition, MetricValues } from './MetricDefinition.js';

/**
 * A metrics plugin: any loaded plugin with `metricDefinitions()` and `collectMetrics()`. The
 * `trellis.metrics` plugin finds it by those methods; the plugin never imports its internals.
 *
 * @example
 * ```ts
 * @plugin({ name: 'logins' })
 * export class Logins implements MetricsSource {
 *   #count = 0;
 *   metricDefinitions() {
 *     return [{ name: 'demo_logins_total', help: 'Logins', type: 'counter' }] as const;
 *   }
 *   collectMetrics() {
 *     return { demo_logins_total: this.#count };
 *   }
 * }
 * ```
 */
export interface MetricsSource {
  /** The metrics this plugin contributes; read once per loaded instance. */
  metricDefinitions(): readonly MetricDefinition[];
  /** The values now, called at each scrape (bounded by `metricsCollectTimeout`). */
  collectMetrics(): MetricValues | Promise<MetricValues>;
  /** How long (ms) `collectMetrics` may take; default the `collectTimeout` of `trellis.metrics`. */
  readonly metricsCollectTimeout?: number | undefined;
}
