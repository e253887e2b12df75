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

  constructor(hub: ServiceHub, plugin: string) {
    this.#hub = hub;
    this.#plugin = plugin;
  }

  get plugin(): string {
    return this.#plugin;
  }

  register(service: ServiceRegistration): Promise<string> {
    return this.#hub.register(this.#plugin, service);
  }

  unregister(id: string): Promise<boolean> {
    return this.#hub.unregister(this.#plugin, id);
  }

  discover(query?: DiscoverQuery): Promise<ServiceDescription[]> {
    return this.#hub.discover(this.#plugin, query);
  }
}
