import type { Redis } from 'ioredis';
import { TransportError, type Logger } from '@trellis/core';
import type { ServiceBackend, ServiceQuery, ServiceRecord } from '@trellis/services';
import { withinBound } from '../connection/withinBound.js';

/** Options of {@link RedisServiceBackend}. */
export interface RedisServiceBackendOptions {
  /** The client to use (owned by the caller; not closed by the backend). */
  readonly client: Redis;
  /** Key prefix; default `trellis`. */
  readonly prefix?: string;
  /** How long an entry outlives its host's last heartbeat, ms; default 15 000. */
  readonly ttlMs?: number;
  /** How often this host renews its entries, ms; default 5 000 (keep it well under `ttlMs`). */
  readonly heartbeatMs?: number;
  /** How long a call waits for the broker (ms) before rejecting with `TransportError`; default 10 000. */
  readonly operationTimeoutMs?: number;
  /** Where failed heartbeats are logged. */
  readonly logger?: Logger;
}

function parse(text: string | null): ServiceRecord | undefined {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as ServiceRecord;
  } catch {
    return undefined;
  }
}

/**
 * A service-registry backend shared by every host on one Redis: each entry is a key
 * `<prefix>:services:<id>` holding the record as JSON with a ttl, renewed by its host every
 * `heartbeatMs`, plus an index set `<prefix>:services`. When a host dies its entries expire within
 * `ttlMs`; a clean `close()` removes them at once.
 */
export class RedisServiceBackend implements ServiceBackend {
  readonly #client: Redis;
  readonly #prefix: string;
  readonly #index: string;
  readonly #ttlMs: number;
  readonly #logger: Logger | undefined;
  readonly #timeoutMs: number;
  /** The entries this host registered and keeps alive. */
  readonly #own = new Map<string, string>();
  readonly #timer: NodeJS.Timeout;
  #closed = false;

  constructor(options: RedisServiceBackendOptions) {
    this.#client = options.client;
    this.#prefix = `${options.prefix ?? 'trellis'}:services:`;
    this.#index = `${options.prefix ?? 'trellis'}:services`;
    this.#ttlMs = options.ttlMs ?? 15_000;
    this.#logger = options.logger;
    this.#timeoutMs = options.operationTimeoutMs ?? 10_000;
    this.#timer = setInterval(() => {
      this.#heartbeat().catch((error: unknown) => {
        this.#logger?.warn(
          { err: error },
          'Redis service heartbeat failed; entries are renewed on the next beat',
        );
      });
    }, options.heartbeatMs ?? 5000);
    this.#timer.unref();
  }

  async register(record: ServiceRecord): Promise<void> {
    this.#open('register');
    const text = JSON.stringify(record);
    this.#own.set(record.id, text);
    await withinBound(
      this.#client
        .multi()
        .set(this.#prefix + record.id, text, 'PX', this.#ttlMs)
        .sadd(this.#index, record.id)
        .exec(),
      this.#timeoutMs,
      `register service '${record.name}'`,
    );
  }

  async unregister(id: string): Promise<boolean> {
    this.#open('unregister');
    this.#own.delete(id);
    const result = await this.#client
      .multi()
      .del(this.#prefix + id)
      .srem(this.#index, id)
      .exec();
    return result?.[0]?.[1] === 1;
  }

  async discover(query: ServiceQuery): Promise<ServiceRecord[]> {
    this.#open('discover');
    const ids = (
      await withinBound(this.#client.smembers(this.#index), this.#timeoutMs, 'discover services')
    ).sort();
    if (ids.length === 0) return [];
    const texts = await withinBound(
      this.#client.mget(ids.map((id) => this.#prefix + id)),
      this.#timeoutMs,
      'discover services',
    );
    const gone: string[] = [];
    const found: ServiceRecord[] = [];
    texts.forEach((text, i) => {
      const record = parse(text);
      if (record === undefined) gone.push(ids[i] ?? '');
      else if (
        (query.name === undefined || record.name === query.name) &&
        (query.tag === undefined || record.tags.includes(query.tag))
      ) {
        found.push(record);
      }
    });
    if (gone.length > 0)
      await withinBound(this.#client.srem(this.#index, ...gone), this.#timeoutMs, 'discover services');
    return found;
  }

  /** Stops the heartbeat and removes this host's entries. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#timer);
    const ids = [...this.#own.keys()];
    this.#own.clear();
    if (ids.length > 0 && this.#client.status === 'ready') {
      await this.#client
        .multi()
        .del(...ids.map((id) => this.#prefix + id))
        .srem(this.#index, ...ids)
        .exec()
        .catch(() => undefined);
    }
  }

  async #heartbeat(): Promise<void> {
    if (this.#own.size === 0 || this.#client.status !== 'ready') return;
    const batch = this.#client.multi();
    for (const [id, text] of this.#own)
      batch.set(this.#prefix + id, text, 'PX', this.#ttlMs).sadd(this.#index, id);
    await batch.exec();
  }

  #open(operation: string): void {
    if (this.#closed) {
      throw new TransportError({
        transport: 'redis',
        operation,
        reason: 'the Redis service backend is closed; the host is shutting down',
      });
    }
  }
}
