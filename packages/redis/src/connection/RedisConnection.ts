import { Redis } from 'ioredis';
import type { Logger } from '@trellis/core';

/** Options of {@link RedisConnection}. */
export interface RedisConnectionOptions {
  /** `redis://[user:password@]host:port[/db]` (or `rediss://` for TLS). */
  readonly url: string;
  /** Where connection problems are logged. */
  readonly logger?: Logger;
  /** Shown in `CLIENT LIST`; default `trellis`. */
  readonly name?: string;
}

/**
 * The Redis clients of one host: one for commands (auto-pipelined, so concurrent commands share
 * round trips) and one per blocking reader. Every client reconnects forever with a backoff capped
 * at one second, and keeps commands queued while disconnected: callers bound their own waits.
 */
export class RedisConnection {
  readonly url: string;
  readonly #logger: Logger | undefined;
  readonly #name: string;
  readonly #clients = new Set<Redis>();
  /** The client for ordinary (non-blocking) commands. */
  readonly client: Redis;

  constructor(options: RedisConnectionOptions) {
    this.url = options.url;
    this.#logger = options.logger;
    this.#name = options.name ?? 'trellis';
    this.client = this.open('commands', { enableAutoPipelining: true });
  }

  /** Whether the command client is connected and ready. */
  get up(): boolean {
    return this.client.status === 'ready';
  }

  /** A new client (for a blocking reader), closed with the connection. */
  open(role: string, extra: { readonly enableAutoPipelining?: boolean } = {}): Redis {
    const client = new Redis(this.url, {
      maxRetriesPerRequest: null,
      enableOfflineQueue: true,
      disconnectTimeout: 200,
      connectionName: `${this.#name}:${role}`,
      retryStrategy: (times: number) => Math.min(50 * times, 1000),
      enableAutoPipelining: extra.enableAutoPipelining ?? false,
    });
    let lastLogged = 0;
    client.on('error', (error: Error) => {
      // A broker outage makes an error per reconnect attempt: log at most one a second per client.
      const now = Date.now();
      if (now - lastLogged < 1000) return;
      lastLogged = now;
      this.#logger?.warn({ err: error, role }, `Redis ${role} connection: ${error.message}`);
    });
    this.#clients.add(client);
    return client;
  }

  /** Closes a client made by {@link open} at once (its pending commands reject). */
  drop(client: Redis): void {
    this.#clients.delete(client);
    hangUp(client);
  }

  /** Resolves once the command client is ready; rejects after `timeoutMs`. */
  async ready(timeoutMs: number): Promise<void> {
    if (this.up) return;
    const client = this.client;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        client.off('ready', onReady);
        reject(new Error(`no answer from ${redactUrl(this.url)} within ${String(timeoutMs)} ms`));
      }, timeoutMs);
      const onReady = (): void => {
        clearTimeout(timer);
        resolve();
      };
      client.once('ready', onReady);
    });
  }

  /** Closes every client. */
  async close(): Promise<void> {
    const clients = [...this.#clients];
    this.#clients.clear();
    await Promise.all(
      clients.map(async (client) => {
        if (client.status === 'ready') {
          await client.quit().catch(() => {
            hangUp(client);
          });
        } else hangUp(client);
      }),
    );
  }
}

/**
 * Disconnects a client for good. A client disconnected while it waits to reconnect keeps its queued
 * commands pending forever, so they are rejected here (ioredis' own queue flush).
 */
function hangUp(client: Redis): void {
  const wasReconnecting = client.status === 'reconnecting' || client.status === 'connecting';
  client.disconnect(false);
  if (wasReconnecting) {
    (client as unknown as { flushQueue?: (error: Error) => void }).flushQueue?.(
      new Error('Connection is closed.'),
    );
  }
}

/** The URL with any password replaced by `***`, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):([^@/]*)@/, '//$1:***@');
}
