/** What a plugin asks to register. */
export interface ServiceRegistration {
  /** Required: what the service is, e.g. `'payments'`. Non-empty, no whitespace, at most 200 characters. */
  readonly name: string;
  /** Where to reach it (an absolute URL). */
  readonly url?: string;
  /** Labels to discover it by. */
  readonly tags?: readonly string[];
  /** Anything else, as JSON. */
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/** A service as `discover()` returns it. */
export interface ServiceDescription {
  readonly id: string;
  readonly name: string;
  readonly url?: string;
  readonly tags: readonly string[];
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** A `discover()` query: every given field must match; `{}` lists every service. */
export interface DiscoverQuery {
  readonly name?: string;
  readonly tag?: string;
}

/**
 * A plugin's view of the service registry (token `SERVICE_REGISTRY`): it knows which plugin it
 * belongs to, so registrations are owned by that plugin and removed when it stops.
 *
 * @example
 * ```ts
 * const id = await this.services.register({ name: 'payments', url: 'http://127.0.0.1:4000', tags: ['v2'] });
 * const found = await this.services.discover({ tag: 'v2' });
 * ```
 */
export interface ServiceRegistry {
  /** The plugin this registry belongs to. */
  readonly plugin: string;
  /**
   * Registers a service after the `service.pre_register` filter (which may amend it, or veto it by
   * throwing: then this rejects with `ServiceVetoedError`); resolves to its id once stored.
   */
  register(service: ServiceRegistration): Promise<string>;
  /** Removes a service this plugin registered; resolves to false when the id is unknown. */
  unregister(id: string): Promise<boolean>;
  /** The services matching the query (across hosts with a shared backend). */
  discover(query?: DiscoverQuery): Promise<ServiceDescription[]>;
}
