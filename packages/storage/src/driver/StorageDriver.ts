/** Options of a write. */
export interface StorageSetOptions {
  /** Time to live in ms (a positive number); the key reads as missing afterwards. */
  readonly ttl?: number;
}

/**
 * A key-value store behind the per-plugin storage facades. Keys given to a driver are already
 * namespaced by the facade; values are JSON text (the facade serialises and checks them), so every
 * driver stores and returns strings. Every implementation (embedded, memory, redis) passes
 * `storageDriverContract` of `@trellis/storage/contract`.
 */
export interface StorageDriver {
  /** Resolves to the stored text, or `undefined` for a missing or expired key. */
  get(key: string): Promise<string | undefined>;
  /** Atomic, and durable (as the engine defines it) once it resolves. */
  set(key: string, value: string, options?: StorageSetOptions): Promise<void>;
  /** Whether a live (not expired) key exists. */
  has(key: string): Promise<boolean>;
  /** Resolves to false when the key did not exist. */
  delete(key: string): Promise<boolean>;
  /** Every live key starting with `prefix`, sorted by UTF-16 code units. */
  keys(prefix: string): Promise<string[]>;
  /** Deletes every key starting with `prefix`. */
  clear(prefix: string): Promise<void>;
  /** Releases the engine; further calls reject. Idempotent. */
  close(): Promise<void>;
}
