import { StorageError } from '../errors/StorageError.js';
import { expiryOf } from './expiryOf.js';
import type { StorageDriver, StorageSetOptions } from './StorageDriver.js';

interface Entry {
  readonly value: string;
  readonly expiresAt: number | undefined;
}

/**
 * A driver that keeps everything in a `Map` of this process: for tests and throw-away hosts.
 * Nothing survives the process.
 */
export class MemoryDriver implements StorageDriver {
  readonly #entries = new Map<string, Entry>();
  #closed = false;

  get(key: string): Promise<string | undefined> {
    return this.#run(() => this.#live(key)?.value);
  }

  set(key: string, value: string, options?: StorageSetOptions): Promise<void> {
    return this.#run(() => {
      this.#entries.set(key, { value, expiresAt: expiryOf(options, Date.now()) });
    });
  }

  has(key: string): Promise<boolean> {
    return this.#run(() => this.#live(key) !== undefined);
  }

  delete(key: string): Promise<boolean> {
    return this.#run(() => {
      const existed = this.#live(key) !== undefined;
      this.#entries.delete(key);
      return existed;
    });
  }

  keys(prefix: string): Promise<string[]> {
    return this.#run(() => {
      const now = Date.now();
      const found: string[] = [];
      for (const [key, entry] of this.#entries) {
        if (!key.startsWith(prefix)) continue;
        if (entry.expiresAt !== undefined && entry.expiresAt <= now) this.#entries.delete(key);
        else found.push(key);
      }
      return found.sort();
    });
  }

  clear(prefix: string): Promise<void> {
    return this.#run(() => {
      for (const key of this.#entries.keys()) if (key.startsWith(prefix)) this.#entries.delete(key);
    });
  }

  close(): Promise<void> {
    this.#closed = true;
    this.#entries.clear();
    return Promise.resolve();
  }

  #live(key: string): Entry | undefined {
    const entry = this.#entries.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  #run<T>(operation: () => T): Promise<T> {
    if (this.#closed) {
      return Promise.reject(
        new StorageError('the memory storage driver is closed; open a new one', {
          code: 'TRELLIS_STORAGE_CLOSED',
        }),
      );
    }
    return new Promise<T>((resolve) => {
      resolve(operation());
    });
  }
}
