import { randomUUID } from 'node:crypto';
import { TrellisError, type ExtensionRegistry, type Logger } from '@trellis/core';
import type { ServiceBackend, ServiceRecord } from '../backend/ServiceBackend.js';
import { ServiceNotOwnerError } from '../errors/ServiceNotOwnerError.js';
import { ServicesNotReadyError } from '../errors/ServicesNotReadyError.js';
import { ServiceValidationError } from '../errors/ServiceValidationError.js';
import { ServiceVetoedError } from '../errors/ServiceVetoedError.js';
import { normaliseRegistration } from './normaliseRegistration.js';
import { SERVICE_POST_REGISTER, SERVICE_PRE_REGISTER } from './SERVICE_POINTS.js';
import type { DiscoverQuery, ServiceDescription, ServiceRegistration } from './ServiceRegistry.js';

const FAIL_FAST = { errorStrategy: 'fail-fast' } as const;

/** What a {@link ServiceHub} works with. Internal. */
export interface ServiceHubOptions {
  readonly registry: ExtensionRegistry;
  readonly logger: Logger;
}

const describe = (error: unknown): string => {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'an unprintable value';
  }
};

/**
 * The shared side of the registry behind every plugin's facade: validation, the pre/post points,
 * the backend, and which plugin owns which of the services registered here. Internal.
 */
export class ServiceHub {
  readonly #options: ServiceHubOptions;
  #backend: ServiceBackend | undefined;
  #ownsBackend = false;
  /** Services registered through this host: id → owning plugin. */
  readonly #owners = new Map<string, string>();

  constructor(options: ServiceHubOptions) {
    this.#options = options;
  }

  attach(backend: ServiceBackend, options: { readonly owned: boolean }): void {
    this.#backend = backend;
    this.#ownsBackend = options.owned;
  }

  async register(plugin: string, service: ServiceRegistration): Promise<string> {
    const backend = this.#ready(plugin, 'register');
    const draft = normaliseRegistration(plugin, service, '');
    let amended: unknown;
    try {
      amended = await this.#options.registry.filterAsync(SERVICE_PRE_REGISTER, draft, FAIL_FAST);
    } catch (error) {
      const cause = TrellisError.is(error, 'TRELLIS_HOOK') && error.cause !== undefined ? error.cause : error;
      throw new ServiceVetoedError({
        plugin,
        service: draft.name,
        vetoedBy: (error as { plugin?: string }).plugin,
        reason: describe(cause),
        cause,
      });
    }
    const final = normaliseRegistration(plugin, amended, 'after its service.pre_register handlers');
    const record: ServiceRecord = { ...final, owner: plugin, id: randomUUID() };
    await backend.register(record);
    this.#owners.set(record.id, plugin);
    await this.#options.registry.notifyAsync(SERVICE_POST_REGISTER, Object.freeze({ ...record }));
    return record.id;
  }

  async unregister(plugin: string, id: string): Promise<boolean> {
    const backend = this.#ready(plugin, 'unregister');
    if (typeof id !== 'string') {
      throw new ServiceValidationError(`Plugin '${plugin}' called unregister() with a non-string id.`, {
        plugin,
      });
    }
    const owner = this.#owners.get(id);
    if (owner === undefined) return false;
    if (owner !== plugin) throw new ServiceNotOwnerError({ plugin, owner, id });
    this.#owners.delete(id);
    return backend.unregister(id);
  }

  async discover(plugin: string, query: DiscoverQuery = {}): Promise<ServiceDescription[]> {
    const backend = this.#ready(plugin, 'discover');
    const { name, tag } = query as { name?: unknown; tag?: unknown };
    if (
      typeof query !== 'object' ||
      (name !== undefined && typeof name !== 'string') ||
      (tag !== undefined && typeof tag !== 'string')
    ) {
      throw new ServiceValidationError(
        `Plugin '${plugin}' called discover() with an invalid query: use { name?: string, tag?: string }.`,
        { plugin },
      );
    }
    const records = await backend.discover({
      ...(name === undefined ? {} : { name }),
      ...(tag === undefined ? {} : { tag }),
    });
    return records.map(({ id, name: service, url, tags, metadata }) =>
      url === undefined ? { id, name: service, tags, metadata } : { id, name: service, url, tags, metadata },
    );
  }

  /** Unregisters every service a plugin registered here (it stopped). */
  async release(plugin: string): Promise<void> {
    const backend = this.#backend;
    const ids = [...this.#owners].filter(([, owner]) => owner === plugin).map(([id]) => id);
    for (const id of ids) this.#owners.delete(id);
    if (backend === undefined) return;
    await Promise.all(
      ids.map((id) =>
        backend.unregister(id).catch((error: unknown) => {
          this.#options.logger.warn({ err: error, plugin, service: id }, 'could not unregister a service');
        }),
      ),
    );
  }

  /** Unregisters everything registered here and closes the backend if the hub created it. */
  async close(): Promise<void> {
    const owners = new Set(this.#owners.values());
    await Promise.all([...owners].map((plugin) => this.release(plugin)));
    const backend = this.#backend;
    this.#backend = undefined;
    if (backend !== undefined && this.#ownsBackend) await backend.close();
  }

  /** How many services this host registered, by plugin. */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const owner of this.#owners.values()) counts.set(owner, (counts.get(owner) ?? 0) + 1);
    return counts;
  }

  #ready(plugin: string, operation: string): ServiceBackend {
    const backend = this.#backend;
    if (backend === undefined) throw new ServicesNotReadyError(plugin, operation);
    return backend;
  }
}
