import type { PermissionChecker } from '@trellis/core';
import type { ServiceHub } from './ServiceHub.js';
import type {
  DiscoverQuery,
  ServiceDescription,
  ServiceRegistration,
  ServiceRegistry,
} from './ServiceRegistry.js';

/**
 * One plugin's facade of the registry: every call goes to the shared hub as this plugin.
 * Permission checks (section 9 of the design) belong here. Internal; plugins see it as
 * {@link ServiceRegistry}.
 */
export class PluginServiceRegistry implements ServiceRegistry {
  readonly #hub: ServiceHub;
  readonly #plugin: string;
  readonly #permissions: PermissionChecker | undefined;

  /** `permissions`: the plugin's checker (`services.register`, `services.discover`). */
  constructor(hub: ServiceHub, plugin: string, permissions?: PermissionChecker) {
    this.#hub = hub;
    this.#plugin = plugin;
    this.#permissions = permissions;
  }

  get plugin(): string {
    return this.#plugin;
  }

  register(service: ServiceRegistration): Promise<string> {
    const denied = this.#permissions?.denial('services.register');
    if (denied !== undefined) return Promise.reject(denied);
    return this.#hub.register(this.#plugin, service);
  }

  unregister(id: string): Promise<boolean> {
    return this.#hub.unregister(this.#plugin, id);
  }

  discover(query?: DiscoverQuery): Promise<ServiceDescription[]> {
    const denied = this.#permissions?.denial('services.discover');
    if (denied !== undefined) return Promise.reject(denied);
    return this.#hub.discover(this.#plugin, query);
  }
}
