import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { TransportError, ValidationError, type Logger } from '@trellis/core';
import {
  compileEventPattern,
  describePatternProblem,
  type CloudEvent,
  type EventTransport,
  type TransportHandler,
  type TransportSubscribeOptions,
} from '@trellis/events';
import type { RedisConnection } from '../connection/RedisConnection.js';
import { withinBound } from '../connection/withinBound.js';
import { FanoutReader } from './FanoutReader.js';
import { GroupReader } from './GroupReader.js';
import { EVENT_FIELD } from './StreamEntry.js';

/** Options of {@link RedisTransport}. */
export interface RedisTransportOptions {
  /** The host's Redis clients (owned by the caller; not closed by the transport). */
  readonly connection: RedisConnection;
  /** Key prefix: events go to `<prefix>:events`, dead letters to `<prefix>:events:dead`. Default `trellis`. */
  readonly prefix?: string;
  /** An event left unacknowledged this long (ms) is claimed by a live consumer; default 30 000. */
  readonly claimAfterMs?: number;
  /** How many times a handler is called for one event before it is dead-lettered; default 5. */
  readonly maxDeliveries?: number;
  /** How long a publish waits for the broker (ms) before rejecting with `TransportError`; default 10 000. */
  readonly publishTimeoutMs?: number;
  /** Approximate cap of the stream's length (`XADD MAXLEN ~`); default 100 000. */
  readonly streamMaxLen?: number;
  /** Entries read per round trip; default 100. */
  readonly batchSize?: number;
  /** Longest blocking read, ms; default 1 000. */
  readonly blockMs?: number;
  /** This host's name among the consumers; default `<hostname>-<pid>-<random>`. */
  readonly hostId?: string;
  readonly logger?: Logger;
}

interface Reader {
  stop(): Promise<void>;
}

/**
 * An {@link EventTransport} on one Redis Stream shared by every host. A subscriber with a `group`
 * joins the Redis consumer group of that (group, pattern): the group's subscribers on all hosts share
 * each event once, at least once (acknowledged after success, claimed from dead or failing consumers
 * after `claimAfterMs`, dead-lettered past `maxDeliveries`). A subscriber without a group reads every
 * event, in order, on its own host.
 *
 * @example
 * ```ts
 * const transport = new RedisTransport({ connection: new RedisConnection({ url }) });
 * await transport.subscribe('order.*', handle, { group: 'billing' });
 * ```
 */
export class RedisTransport implements EventTransport {
  readonly #connection: RedisConnection;
  readonly #stream: string;
  readonly #deadLetters: string;
  readonly #claimAfterMs: number;
  readonly #maxDeliveries: number;
  readonly #publishTimeoutMs: number;
  readonly #maxLen: number;
  readonly #batchSize: number;
  readonly #blockMs: number;
  readonly #hostId: string;
  readonly #logger: Logger | undefined;
  readonly #readers = new Set<Reader>();
  #sequence = 0;
  #closed = false;

  constructor(options: RedisTransportOptions) {
    const prefix = options.prefix ?? 'trellis';
    this.#connection = options.connection;
    this.#stream = `${prefix}:events`;
    this.#deadLetters = `${prefix}:events:dead`;
    this.#claimAfterMs = options.claimAfterMs ?? 30_000;
    this.#maxDeliveries = options.maxDeliveries ?? 5;
    this.#publishTimeoutMs = options.publishTimeoutMs ?? 10_000;
    this.#maxLen = options.streamMaxLen ?? 100_000;
    this.#batchSize = options.batchSize ?? 100;
    this.#blockMs = options.blockMs ?? 1000;
    this.#hostId = options.hostId ?? `${hostname()}-${String(process.pid)}-${randomUUID().slice(0, 8)}`;
    this.#logger = options.logger;
  }

  /** The stream events are written to. */
  get stream(): string {
    return this.#stream;
  }

  /** The dead-letter stream: entries hold `{ id, group, pattern, deliveries, deadAt, event }` as JSON. */
  get deadLetterStream(): string {
    return this.#deadLetters;
  }

  publish(event: CloudEvent): Promise<void> {
    if (this.#closed) return Promise.reject(this.#closedError('publish'));
    // deliveryCount belongs to a delivery, not to the stored event (undefined keys are not written).
    const stored = event.deliveryCount === undefined ? event : { ...event, deliveryCount: undefined };
    const added = this.#connection.client.xadd(
      this.#stream,
      'MAXLEN',
      '~',
      this.#maxLen,
      '*',
      EVENT_FIELD,
      JSON.stringify(stored),
    );
    return withinBound(added, this.#publishTimeoutMs, `publish '${event.type}'`).then(() => undefined);
  }

  async subscribe(
    pattern: string,
    handler: TransportHandler,
    options: TransportSubscribeOptions = {},
  ): Promise<() => Promise<void>> {
    if (this.#closed) throw this.#closedError('subscribe');
    const problem = describePatternProblem(pattern);
    if (problem !== undefined) {
      throw new ValidationError(`Invalid subscription pattern ${JSON.stringify(pattern)}: ${problem}.`);
    }
    if (typeof handler !== 'function') {
      throw new ValidationError(`The handler subscribed to '${pattern}' is not a function.`);
    }
    const settings = {
      connection: this.#connection,
      stream: this.#stream,
      deadLetters: this.#deadLetters,
      matcher: compileEventPattern(pattern),
      handler,
      logger: this.#logger,
      claimAfterMs: this.#claimAfterMs,
      maxDeliveries: this.#maxDeliveries,
      blockMs: this.#blockMs,
      batchSize: this.#batchSize,
    };
    const group = options.group;
    const reader =
      group === undefined
        ? new FanoutReader(settings)
        : new GroupReader(settings, {
            group,
            groupKey: JSON.stringify([group, pattern]),
            consumer: `${this.#hostId}-${String(++this.#sequence)}`,
          });
    await withinBound(reader.start(), this.#publishTimeoutMs, `subscribe to '${pattern}'`);
    this.#readers.add(reader);
    let stopped: Promise<void> | undefined;
    return () => {
      stopped ??= (async () => {
        this.#readers.delete(reader);
        await reader.stop();
      })();
      return stopped;
    };
  }

  /** Stops every subscription (the connection stays open: its owner closes it). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const readers = [...this.#readers];
    this.#readers.clear();
    await Promise.all(readers.map((reader) => reader.stop()));
  }

  #closedError(operation: string): TransportError {
    return new TransportError({
      transport: 'redis',
      operation,
      reason: 'the Redis transport is closed; the host is shutting down',
    });
  }
}
