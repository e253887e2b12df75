/** Options of a write. */
export interface StorageSetOptions {
  /** Time to live in ms; the key reads as missing afterwards. */
  readonly ttl?: number;
}

/**
 * A key-value store behind the per-plugin storage facades. Keys given to a driver are already
 * namespaced by the facade; values are JSON-serialisable. Every implementation (embedded, memory,
 * redis) passes the storage contract suite.
 */
export interface StorageDriver {
  /** Resolves to `undefined` for a missing or expired key. */
  get(key: string): Promise<unknown>;
  /** Atomic and durable once it resolves. */
  set(key: string, value: unknown, options?: StorageSetOptions): Promise<void>;
  has(key: string): Promise<boolean>;
  /** Resolves to false when the key did not exist. */
  delete(key: string): Promise<boolean>;
  /** Every live key starting with `prefix`, sorted. */
  keys(prefix: string): Promise<string[]>;
  /** Deletes every key starting with `prefix`. */
  clear(prefix: string): Promise<void>;
  close(): Promise<void>;
}
