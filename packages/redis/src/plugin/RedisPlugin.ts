import { plugin, preDestroy, type PluginContext } from '@trellis/core';
import { EVENT_TRANSPORT } from '@trellis/events';
import { SERVICE_BACKEND } from '@trellis/services';
import { STORAGE_DRIVER } from '@trellis/storage';
import { RedisConnection, redactUrl } from '../connection/RedisConnection.js';
import { withinBound } from '../connection/withinBound.js';
import { RedisError } from '../errors/RedisError.js';
import { RedisServiceBackend } from '../services/RedisServiceBackend.js';
import { RedisStorageDriver } from '../storage/RedisStorageDriver.js';
import { EVENT_FIELD } from '../transport/StreamEntry.js';
import { RedisTransport } from '../transport/RedisTransport.js';
import type { DeadLetter } from './DeadLetter.js';

/** The health result shape `@trellis/health` reads (duck-typed). */
interface RedisHealth {
  readonly status: 'healthy' | 'unhealthy';
  readonly message?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

interface Parts {
  readonly url: string;
  readonly connection: RedisConnection;
  readonly transport: RedisTransport;
  readonly backend: RedisServiceBackend;
  readonly driver: RedisStorageDriver;
}

/**
 * Puts a host on Redis (`trellis.redis`): registered beside the events, services and storage
 * plugins, it binds a Redis Streams `EVENT_TRANSPORT`, a `SERVICE_BACKEND` whose entries expire with
 * their host, and a `STORAGE_DRIVER`; nothing else in the host changes. Config section
 * `trellis.redis`: `{ url, prefix: 'trellis', claimAfterMs: 30000, maxDeliveries: 5, heartbeatMs: 5000,
 * ttlMs: 15000, operationTimeoutMs: 10000, connectTimeoutMs: 10000, streamMaxLen: 100000 }`; `url`
 * defaults to `TRELLIS_REDIS_URL`. Its `checkHealth()` reports the broker down while it is.
 *
 * @example
 * ```ts
 * manager.register([RedisPlugin, EventsPlugin, ServicesPlugin, StoragePlugin]);
 * ```
 */
@plugin({
  name: 'trellis.redis',
  version: '1.0.0',
  description: 'Events, services and storage on Redis, for several hosts',
  config: {
    url: { type: 'string', secret: true, description: 'redis:// URL; default TRELLIS_REDIS_URL' },
    prefix: { type: 'string', default: 'trellis', description: 'Prefix of every key' },
    claimAfterMs: {
      type: 'integer',
      min: 1,
      default: 30_000,
      description: 'Claim unacknowledged events after (ms)',
    },
    maxDeliveries: {
      type: 'integer',
      min: 1,
      default: 5,
      description: 'Handler calls per event before dead-lettering',
    },
    heartbeatMs: { type: 'integer', min: 1, default: 5000, description: 'Service entry renewal period (ms)' },
    ttlMs: {
      type: 'integer',
      min: 1,
      default: 15_000,
      description: 'Service entry lifetime without heartbeat (ms)',
    },
    operationTimeoutMs: {
      type: 'integer',
      min: 1,
      default: 10_000,
      description: 'Bound of a publish or command during an outage (ms)',
    },
    connectTimeoutMs: {
      type: 'integer',
      min: 1,
      default: 10_000,
      description: 'Bound of the first connection at start (ms)',
    },
    streamMaxLen: {
      type: 'integer',
      min: 1,
      default: 100_000,
      description: 'Approximate cap of the event stream',
    },
  },
})
export class RedisPlugin {
  #parts: Parts | undefined;
  #prefix = 'trellis';

  /** How long the health aggregator waits for {@link checkHealth}, ms. */
  readonly healthCheckTimeout = 2000;

  /** Connects (bounded by `connectTimeoutMs`) and binds the transport, backend and driver. */
  async initialize(ctx: PluginContext): Promise<void> {
    const config = ctx.config;
    const url = (config.get('url') as string | undefined) ?? process.env.TRELLIS_REDIS_URL;
    if (url === undefined || url === '') {
      throw new RedisError(
        "trellis.redis has no URL: set TRELLIS_REDIS_URL or the 'url' key of its config section (e.g. redis://127.0.0.1:6379)",
        { code: 'TRELLIS_REDIS_CONFIG' },
      );
    }
    const prefix = config.get('prefix', 'trellis');
    const timeout = config.get('operationTimeoutMs', 10_000);
    const connection = new RedisConnection({ url, logger: ctx.logger, name: `trellis:${prefix}` });
    try {
      await connection.ready(config.get('connectTimeoutMs', 10_000));
    } catch (error) {
      await connection.close();
      throw new RedisError(
        `trellis.redis cannot reach ${redactUrl(url)}: ${error instanceof Error ? error.message : String(error)}; start Redis or fix TRELLIS_REDIS_URL`,
        { code: 'TRELLIS_REDIS_CONNECT', cause: error },
      );
    }
    this.#prefix = prefix;
    const transport = new RedisTransport({
      connection,
      prefix,
      claimAfterMs: config.get('claimAfterMs', 30_000),
      maxDeliveries: config.get('maxDeliveries', 5),
      publishTimeoutMs: timeout,
      streamMaxLen: config.get('streamMaxLen', 100_000),
      logger: ctx.logger,
    });
    const backend = new RedisServiceBackend({
      client: connection.client,
      prefix,
      ttlMs: config.get('ttlMs', 15_000),
      heartbeatMs: config.get('heartbeatMs', 5000),
      operationTimeoutMs: timeout,
      logger: ctx.logger,
    });
    const driver = new RedisStorageDriver({ client: connection.client, prefix, operationTimeoutMs: timeout });
    this.#parts = { url, connection, transport, backend, driver };
    ctx.provide(EVENT_TRANSPORT, transport);
    ctx.provide(SERVICE_BACKEND, backend);
    ctx.provide(STORAGE_DRIVER, driver);
    ctx.logger.info(`Redis at ${redactUrl(url)} carries events, services and storage (prefix '${prefix}')`);
  }

  /**
   * Nothing to do: the plugins that use the connection (events, services, storage) stop before this
   * one and end their own subscriptions and services, and a `start()` after `stop()` must find the
   * connection that `initialize` opened. It is closed when the plugin is unloaded.
   */
  stop(): void {
    // The connection outlives a stop/start cycle; release() closes it.
  }

  /** On unload (also when the plugin was loaded but never started): stops the subscriptions and heartbeats, removes this host's services and disconnects. */
  @preDestroy()
  async release(): Promise<void> {
    const parts = this.#parts;
    this.#parts = undefined;
    if (parts === undefined) return;
    await Promise.allSettled([parts.transport.close(), parts.backend.close(), parts.driver.close()]);
    await parts.connection.close();
  }

  /** Healthy while the broker answers `PING`; unhealthy (with the reason) during an outage. */
  async checkHealth(): Promise<RedisHealth> {
    const parts = this.#parts;
    if (parts === undefined)
      return { status: 'unhealthy', message: 'trellis.redis is not connected (not started)' };
    const where = redactUrl(parts.url);
    if (!parts.connection.up) {
      return { status: 'unhealthy', message: `Redis at ${where} is unreachable; reconnecting` };
    }
    try {
      await withinBound(parts.connection.client.ping(), 1000, 'ping');
      return { status: 'healthy', details: { url: where } };
    } catch (error) {
      return { status: 'unhealthy', message: `Redis at ${where} does not answer: ${String(error)}` };
    }
  }

  /** Metrics for `@trellis/metrics` (duck-typed): broker reachability and dead letters kept. */
  metricDefinitions(): readonly { name: string; help: string; type: 'gauge' }[] {
    return [
      { name: 'redis_up', help: '1 while the Redis of trellis.redis answers, else 0', type: 'gauge' },
      { name: 'redis_dead_letters', help: 'Events in the dead-letter stream', type: 'gauge' },
    ];
  }

  /** Values at scrape time; `redis_dead_letters` is left out while the broker is down. */
  async collectMetrics(): Promise<Record<string, number>> {
    const parts = this.#parts;
    if (parts?.connection.up !== true) return { redis_up: 0 };
    try {
      const dead = await withinBound(
        parts.connection.client.xlen(`${this.#prefix}:events:dead`),
        1000,
        'count dead letters',
      );
      return { redis_up: 1, redis_dead_letters: dead };
    } catch {
      return { redis_up: 0 };
    }
  }

  /** The newest dead letters (up to `count`, newest first), for admin tools. */
  async deadLetters(count = 100): Promise<DeadLetter[]> {
    const parts = this.#parts;
    if (parts === undefined) return [];
    const entries = await withinBound(
      parts.connection.client.xrevrange(`${this.#prefix}:events:dead`, '+', '-', 'COUNT', count),
      10_000,
      'read dead letters',
    );
    return entries.map(([letterId, fields]) => {
      const index = fields.indexOf(EVENT_FIELD);
      let letter: Partial<DeadLetter> = {};
      try {
        letter = JSON.parse(fields[index + 1] ?? '{}') as Partial<DeadLetter>;
      } catch {
        // An unreadable letter is listed with its id only.
      }
      return {
        letterId,
        id: letter.id ?? '',
        group: letter.group ?? '',
        pattern: letter.pattern ?? '',
        deliveries: letter.deliveries ?? 0,
        deadAt: letter.deadAt ?? '',
        event: letter.event,
      };
    });
  }
}
