import {
  inject,
  plugin,
  TOKENS,
  type Logger,
  type PluginConfig,
  type PluginContext,
  type PluginManager,
} from '@trellis/core';
import { HEALTH } from './HEALTH.js';
import { HealthAggregator } from './HealthAggregator.js';
import type { HealthService } from './HealthService.js';

/** Timeout of a health check without its own `healthCheckTimeout`, unless configured. */
export const DEFAULT_HEALTH_CHECK_TIMEOUT = 5000;

/**
 * The system plugin `trellis.health`: aggregates the health checks of every loaded plugin with a
 * `checkHealth` method and provides liveness and readiness under the {@link HEALTH} token.
 *
 * Config section `trellis.health`: `defaultTimeout` (ms, default 5000) and `defaultInterval` (ms a
 * result is reused, default 0) for checks that do not set `healthCheckTimeout` /
 * `healthCheckInterval` themselves.
 *
 * @example
 * ```ts
 * manager.register([HealthPlugin, DbPlugin]);
 * await manager.start();
 * const report = await manager.get(HEALTH).check();
 * ```
 */
@plugin({
  name: 'trellis.health',
  version: '1.0.0',
  description: 'Aggregates plugin health checks; liveness and readiness',
  config: {
    defaultTimeout: {
      type: 'integer',
      default: DEFAULT_HEALTH_CHECK_TIMEOUT,
      min: 1,
      description: 'ms a check may take when it sets no healthCheckTimeout',
    },
    defaultInterval: {
      type: 'integer',
      default: 0,
      min: 0,
      description: 'ms a result is reused when the check sets no healthCheckInterval',
    },
  },
  provides: [{ token: HEALTH, useFactory: (ctx) => ctx.get(HealthPlugin).service }],
})
export class HealthPlugin {
  readonly #aggregator: HealthAggregator;

  constructor(
    @inject(TOKENS.Manager) manager: PluginManager,
    @inject(TOKENS.Config) config: PluginConfig,
    @inject(TOKENS.Logger) logger: Logger,
  ) {
    this.#aggregator = new HealthAggregator({
      manager,
      logger,
      defaultTimeout: config.get('defaultTimeout', DEFAULT_HEALTH_CHECK_TIMEOUT),
      defaultInterval: config.get('defaultInterval', 0),
    });
  }

  /** The service provided under {@link HEALTH}. */
  get service(): HealthService {
    return this.#aggregator;
  }

  initialize(ctx: PluginContext): void {
    const shutdown = (): void => {
      this.#aggregator.beginShutdown();
    };
    // Readiness turns false the moment the host's stop() begins, before any plugin stops.
    ctx.registerHook('trellis.app.stopping', shutdown);
    ctx.registerHook('trellis.app.shutdown', shutdown);
  }

  start(): void {
    this.#aggregator.resume();
  }

  stop(): void {
    this.#aggregator.beginShutdown();
  }
}
