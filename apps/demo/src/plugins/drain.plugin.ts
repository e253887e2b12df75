import { plugin } from '@trellis/core';
import type { PluginContext } from '@trellis/core';

/**
 * Stops first (it depends on the API, so it starts last): on shutdown it waits `ms` while readiness
 * already answers 503, so a load balancer stops sending traffic before the server closes.
 */
@plugin({
  name: 'drain',
  version: '1.0.0',
  description: 'Waits before shutdown so load balancers see readiness 503 first',
  dependencies: ['users'],
  config: { ms: { type: 'integer', default: 0, min: 0, max: 20_000, description: 'Wait on stop, in ms' } },
})
export class DrainPlugin {
  #ms = 0;

  initialize(ctx: PluginContext): void {
    this.#ms = ctx.config.get('ms', 0);
  }

  async stop(): Promise<void> {
    if (this.#ms > 0) await new Promise((resolve) => setTimeout(resolve, this.#ms));
  }
}
