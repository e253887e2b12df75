import type { Redis } from 'ioredis';
import { TransportError } from '@trellis/core';
import type { StorageDriver, StorageSetOptions } from '@trellis/storage';
import { withinBound } from '../connection/withinBound.js';
import { escapeGlob } from './escapeGlob.js';

/** Options of {@link RedisStorageDriver}. */
export interface RedisStorageDriverOptions {
  /** The client to use (owned by the caller; not closed by the driver). */
  readonly client: Redis;
  /** Key prefix; keys are stored as `<prefix>:kv:<key>`. Default `trellis`. */
  readonly prefix?: string;
  /** How long a call waits for the broker (ms) before rejecting with `TransportError`; default 10 000. */
  readonly operationTimeoutMs?: number;
}

/**
 * A storage driver on Redis strings: `SET` (with `PX` for a ttl), `GET`, `EXISTS`, `DEL`, and
 * `SCAN MATCH` for listing. Writes are atomic; durability is the server's (`appendonly`).
 */
export class RedisStorageDriver implements StorageDriver {
  readonly #client: Redis;
  readonly #prefix: string;
  readonly #timeoutMs: number;
  #closed = false;

  constructor(options: RedisStorageDriverOptions) {
    this.#client = options.client;
    this.#prefix = `${options.prefix ?? 'trellis'}:kv:`;
    this.#timeoutMs = options.operationTimeoutMs ?? 10_000;
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.#bounded(this.#live().get(this.#prefix + key), 'read storage')) ?? undefined;
  }

  async set(key: string, value: string, options?: StorageSetOptions): Promise<void> {
    const client = this.#live();
    const ttl = options?.ttl;
    if (ttl === undefined) await this.#bounded(client.set(this.#prefix + key, value), 'write storage');
    else {
      if (!Number.isFinite(ttl) || ttl <= 0) {
        throw new TypeError(`storage ttl must be a positive number of milliseconds, got ${String(ttl)}`);
      }
      await this.#bounded(
        client.set(this.#prefix + key, value, 'PX', Math.max(1, Math.round(ttl))),
        'write storage',
      );
    }
  }

  async has(key: string): Promise<boolean> {
    return (await this.#bounded(this.#live().exists(this.#prefix + key), 'read storage')) === 1;
  }

  async delete(key: string): Promise<boolean> {
    return (await this.#bounded(this.#live().del(this.#prefix + key), 'delete from storage')) === 1;
  }

  async keys(prefix: string): Promise<string[]> {
    const found = await this.#scan(prefix);
    return found.map((key) => key.slice(this.#prefix.length)).sort();
  }

  async clear(prefix: string): Promise<void> {
    const found = await this.#scan(prefix);
    for (let i = 0; i < found.length; i += 500) {
      await this.#bounded(this.#live().unlink(...found.slice(i, i + 500)), 'clear storage');
    }
  }

  close(): Promise<void> {
    this.#closed = true;
    return Promise.resolve();
  }

  async #scan(prefix: string): Promise<string[]> {
    const client = this.#live();
    const match = `${escapeGlob(this.#prefix + prefix)}*`;
    const found = new Set<string>();
    let cursor = '0';
    do {
      const [next, keys] = await this.#bounded(
        client.scan(cursor, 'MATCH', match, 'COUNT', 1000),
        'list storage keys',
      );
      cursor = next;
      for (const key of keys) found.add(key);
    } while (cursor !== '0');
    return [...found];
  }

  #bounded<T>(command: Promise<T>, operation: string): Promise<T> {
    return withinBound(command, this.#timeoutMs, operation);
  }

  #live(): Redis {
    if (this.#closed) {
      throw new TransportError({
        transport: 'redis',
        operation: 'use storage',
        reason: 'the Redis storage driver is closed; the host is shutting down',
      });
    }
    return this.#client;
  }
}
