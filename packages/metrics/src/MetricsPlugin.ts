import {
  inject,
  plugin,
  TOKENS,
  type ExtensionRegistry,
  type Logger,
  type PluginConfig,
  type PluginContext,
  type PluginManager,
} from '@trellis/core';
import { METRICS } from './METRICS.js';
import { MetricsCollector } from './MetricsCollector.js';
import type { MetricsService } from './MetricsService.js';

/** Time limit of `collectMetrics()` for plugins that set no `metricsCollectTimeout`, unless configured. */
export const DEFAULT_COLLECT_TIMEOUT = 1000;

/**
 * The system plugin `trellis.metrics`: one prom-client `Registry` per manager with the built-in
 * Trellis metrics, prom-client's process metrics, and the metrics of every loaded plugin with
 * `metricDefinitions()` / `collectMetrics()`, offered under the {@link METRICS} token.
 *
 * Config section `trellis.metrics`: `collectTimeout` (ms, default 1000) and `processMetrics`
 * (default true).
 *
 * @example
 * ```ts
 * manager.register([MetricsPlugin, LoginsPlugin]);
 * await manager.start();
 * const text = await manager.get(METRICS).metrics();
 * ```
 */
@plugin({
  name: 'trellis.metrics',
  version: '1.0.0',
  description: 'Prometheus metrics of the host and its plugins',
  config: {
    collectTimeout: {
      type: 'integer',
      default: DEFAULT_COLLECT_TIMEOUT,
      min: 1,
      description: 'ms collectMetrics() may take when the plugin sets no metricsCollectTimeout',
    },
    processMetrics: {
      type: 'boolean',
      default: true,
      description: "include prom-client's process and Node.js metrics",
    },
  },
  provides: [{ token: METRICS, useFactory: (ctx) => ctx.get(MetricsPlugin).service }],
})
export class MetricsPlugin {
  readonly #collector: MetricsCollector;

  constructor(
    @inject(TOKENS.Manager) manager: PluginManager,
    @inject(TOKENS.Extensions) extensions: ExtensionRegistry,
    @inject(TOKENS.Config) config: PluginConfig,
    @inject(TOKENS.Logger) logger: Logger,
  ) {
    this.#collector = new MetricsCollector({
      manager,
      extensions,
      logger,
      collectTimeout: config.get('collectTimeout', DEFAULT_COLLECT_TIMEOUT),
      processMetrics: config.get('processMetrics', true),
    });
  }

  /** The service provided under {@link METRICS}. */
  get service(): MetricsService {
    return this.#collector;
  }

  initialize(ctx: PluginContext): void {
    // Definitions are read when the host has started, so a plugin's mistakes show in the startup
    // logs rather than at the first scrape.
    ctx.registerHook('trellis.app.startup', () => {
      this.#collector.sync();
    });
  }

  start(): void {
    this.#collector.sync();
  }
}
