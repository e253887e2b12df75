import {
  inject,
  plugin,
  preDestroy,
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
 * Config section `trellis.metrics`: `collectTimeout` (ms, default 1000), `processMetrics`
 * (default true) and `hookStats` (default true: switches the registry's hook statistics on, which
 * the `trellis_hook_*` metrics read).
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
    hookStats: {
      type: 'boolean',
      default: true,
      description: "switch the registry's hook statistics on for the trellis_hook_* metrics",
    },
  },
  provides: [{ token: METRICS, useFactory: (ctx) => ctx.get(MetricsPlugin).service }],
})
export class MetricsPlugin {
  readonly #collector: MetricsCollector;
  readonly #extensions: ExtensionRegistry;
  readonly #hookStats: boolean;
  /** Whether this plugin switched the registry's statistics on (and so switches them off). */
  #statsSwitchedOn = false;

  constructor(
    @inject(TOKENS.Manager) manager: PluginManager,
    @inject(TOKENS.Extensions) extensions: ExtensionRegistry,
    @inject(TOKENS.Config) config: PluginConfig,
    @inject(TOKENS.Logger) logger: Logger,
  ) {
    this.#extensions = extensions;
    this.#hookStats = config.get('hookStats', true);
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
    // The trellis_hook_* figures are the registry's own statistics, read at scrape time: counting
    // is switched on here, nothing is timed again per call by this plugin.
    if (this.#hookStats && !this.#extensions.statsEnabled) {
      this.#extensions.enableStats();
      this.#statsSwitchedOn = true;
    }
    // Definitions are read when the host has started, so a plugin's mistakes show in the startup
    // logs rather than at the first scrape.
    ctx.registerHook('trellis.app.startup', () => {
      this.#collector.sync();
    });
  }

  start(): void {
    this.#collector.sync();
  }

  /** Switches the statistics off again if this plugin switched them on, and forgets its metrics. */
  @preDestroy()
  dispose(): void {
    if (this.#statsSwitchedOn) this.#extensions.disableStats();
    this.#statsSwitchedOn = false;
    this.#collector.close();
  }
}
