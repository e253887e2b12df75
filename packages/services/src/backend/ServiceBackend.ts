/** One registered service, as stored by a backend and returned by `discover()`. */
export interface ServiceRecord {
  readonly id: string;
  readonly name: string;
  readonly url?: string;
  readonly tags: readonly string[];
  readonly metadata: Readonly<Record<string, unknown>>;
  /** The plugin that registered it. */
  readonly owner?: string;
}

/** A discovery query: every given field must match. */
export interface ServiceQuery {
  readonly name?: string;
  readonly tag?: string;
}

/**
 * Where the service registry keeps its entries. In-memory by default; `@trellis/redis` implements it
 * with entries that expire with their host. Every implementation passes the services contract suite.
 */
export interface ServiceBackend {
  register(record: ServiceRecord): Promise<void>;
  /** Resolves to false when the id was not registered. */
  unregister(id: string): Promise<boolean>;
  discover(query: ServiceQuery): Promise<ServiceRecord[]>;
  close(): Promise<void>;
}
