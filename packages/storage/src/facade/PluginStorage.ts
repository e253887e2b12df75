import type { StorageSetOptions } from '../driver/StorageDriver.js';

/**
 * One plugin's own key-value store (injected with the consumer-scoped token `STORAGE`). Values are
 * JSON; keys are any non-empty well-formed string up to 1000 UTF-8 bytes; no plugin can reach
 * another's keys.
 *
 * @example
 * ```ts
 * constructor(@inject(STORAGE) private readonly storage: PluginStorage) {}
 * await this.storage.set('user:1', { name: 'Ada' }, { ttl: 60_000 });
 * const user = await this.storage.get<{ name: string }>('user:1');
 * ```
 */
export interface PluginStorage {
  /** The plugin this store belongs to. */
  readonly plugin: string;
  /** The stored value, or `undefined` for a missing or expired key. */
  get<T = unknown>(key: string): Promise<T | undefined>;
  /** Stores a JSON value (atomic; durable once it resolves with the embedded driver). */
  set(key: string, value: unknown, options?: StorageSetOptions): Promise<void>;
  /** Whether the key holds a live value. */
  has(key: string): Promise<boolean>;
  /** Removes the key; false when it did not exist. */
  delete(key: string): Promise<boolean>;
  /** The plugin's live keys starting with `prefix` (default: all), sorted, without any namespace. */
  keys(prefix?: string): Promise<string[]>;
  /** Removes every key of the plugin. */
  clear(): Promise<void>;
}
