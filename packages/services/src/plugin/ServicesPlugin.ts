import {
  TOKENS,
  inject,
  plugin,
  type ExtensionRegistry,
  type Logger,
  type PluginContext,
  type PluginManager,
} from '@trellis/core';
import { InMemoryServiceBackend } from '../backend/InMemoryServiceBackend.js';
import { PluginServiceRegistry } from '../registry/PluginServiceRegistry.js';
import { ServiceHub } from '../registry/ServiceHub.js';
import type { ServiceRegistry } from '../registry/ServiceRegistry.js';
import { SERVICE_BACKEND } from './SERVICE_BACKEND.js';
import { SERVICE_REGISTRY } from './SERVICE_REGISTRY.js';

/**
 * The service registry system plugin (`trellis.services`). Offers each plugin its own
 * {@link ServiceRegistry} under `SERVICE_REGISTRY`, runs the `service.pre_register` filter and the
 * `service.post_register` notification, unregisters a plugin's services when it stops, and keeps
 * entries in the backend bound to `SERVICE_BACKEND` (e.g. by `@trellis/redis`) or in memory.
 *
 * @example
 * ```ts
 * manager.register([ServicesPlugin, PaymentsPlugin]);
 * ```
 */
@plugin({
  name: 'trellis.services',
  version: '1.0.0',
  description: 'Service registry: register, unregister, discover by name or tag',
  optionalDependencies: { 'trellis.redis': '*' },
  provides: [
    {
      token: SERVICE_REGISTRY,
      scope: 'consumer',
      useFactory: (own: PluginContext, consumer: PluginContext): ServiceRegistry =>
        own.get(ServicesPlugin).registryFor(consumer.name),
    },
  ],
})
export class ServicesPlugin {
  readonly #hub: ServiceHub;
  readonly #manager: PluginManager;
  #ctx: PluginContext | undefined;
  #running = false;

  constructor(
    @inject(TOKENS.Logger) logger: Logger,
    @inject(TOKENS.Manager) manager: PluginManager,
    @inject(TOKENS.Extensions) registry: ExtensionRegistry,
  ) {
    this.#manager = manager;
    this.#hub = new ServiceHub({ registry, logger });
  }

  /** The registry of the plugin `name` (what `SERVICE_REGISTRY` resolves to for it). */
  registryFor(name: string): ServiceRegistry {
    return new PluginServiceRegistry(this.#hub, name, this.#manager.permissionsOf(name));
  }

  /** How many services each plugin registered through this host. */
  counts(): Map<string, number> {
    return this.#hub.counts();
  }

  initialize(ctx: PluginContext): void {
    this.#ctx = ctx;
    this.#attachBackend(ctx);
    const release = (event: { pluginName: string }): Promise<void> => this.#hub.release(event.pluginName);
    ctx.registerHook('trellis.plugin.stopped', release);
    ctx.registerHook('trellis.plugin.unloaded', release);
  }

  start(): void {
    if (!this.#running && this.#ctx !== undefined) this.#attachBackend(this.#ctx);
  }

  async stop(): Promise<void> {
    this.#running = false;
    await this.#hub.close();
  }

  #attachBackend(ctx: PluginContext): void {
    if (this.#manager.container.isBound(SERVICE_BACKEND)) {
      this.#hub.attach(ctx.get(SERVICE_BACKEND), { owned: false });
    } else {
      this.#hub.attach(new InMemoryServiceBackend(), { owned: true });
    }
    this.#running = true;
  }
}
