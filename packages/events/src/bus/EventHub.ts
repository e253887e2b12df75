import type { Logger } from '@trellis/core';
import { EnvelopeFactory } from '../envelope/EnvelopeFactory.js';
import { describeDataProblem } from '../envelope/describeDataProblem.js';
import { EventDeliveryError, type EventDeliveryCode } from '../errors/EventDeliveryError.js';
import { EventsNotReadyError } from '../errors/EventsNotReadyError.js';
import { EventValidationError } from '../errors/EventValidationError.js';
import { describeEventTypeProblem } from '../patterns/describeEventTypeProblem.js';
import { describePatternProblem } from '../patterns/describePatternProblem.js';
import type { CloudEvent } from '../transport/CloudEvent.js';
import type { EventTransport, TransportHandler } from '../transport/EventTransport.js';
import { InMemoryTransport } from '../transport/InMemoryTransport.js';
import type { SubscriptionInfo } from '../transport/InMemoryTransportOptions.js';
import { createCounters } from './createCounters.js';
import { describeCause } from './describeCause.js';
import type { EventSubscriptionHandler, PublishOptions, SubscribeOptions, Unsubscribe } from './EventBus.js';
import type { EventBusStats, EventCounters } from './EventBusStats.js';

/** Who calls the hub: a plugin's name and version. Internal. */
export interface BusCaller {
  readonly name: string;
  readonly version: string;
}

/** What an {@link EventHub} is built with. Internal. */
export interface EventHubOptions {
  readonly logger: Logger;
  /** Bound on an async handler call, ms; 0 for none. */
  readonly handlerTimeout: number;
  /** The queue limit and delivery bound, for messages. */
  readonly queueLimit: number;
  readonly maxDeliveries: number;
  /** Whether a plugin is enabled: a disabled plugin's handlers are skipped, like its hooks. */
  readonly isEnabled: (plugin: string) => boolean;
  /** Notifies `trellis.plugin.error` for a subscriber's failure. Must not throw. */
  readonly report: (caller: BusCaller, error: EventDeliveryError) => void;
}

interface Subscription {
  readonly caller: BusCaller;
  readonly pattern: string;
  readonly group: string | undefined;
  readonly counters: EventCounters;
  off: Unsubscribe | undefined;
  ended: boolean;
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  value !== null &&
  (typeof value === 'object' || typeof value === 'function') &&
  typeof (value as { then?: unknown }).then === 'function';

/**
 * The shared side of the bus behind every plugin's facade: validation, envelopes, per-plugin
 * subscriptions and counters, failure reports. One per `EventsPlugin` incarnation. Internal.
 */
export class EventHub {
  readonly #options: EventHubOptions;
  #transport: EventTransport | undefined;
  /** The transport again when it is the in-memory one: it is published to synchronously. */
  #memory: InMemoryTransport | undefined;
  #transportName = 'none';
  #ownsTransport = false;
  readonly #total = createCounters();
  readonly #counters = new Map<string, EventCounters>();
  readonly #byPlugin = new Map<string, Set<Subscription>>();
  readonly #byHandler = new Map<TransportHandler, Subscription>();
  readonly #envelopes = new EnvelopeFactory();
  /** The last type that passed validation: publishers tend to repeat a type. */
  #validType: string | undefined;

  constructor(options: EventHubOptions) {
    this.#options = options;
  }

  /** Starts using `transport`; `owned` transports are closed with the hub. */
  attach(transport: EventTransport, options: { readonly owned: boolean; readonly name: string }): void {
    this.#transport = transport;
    // Only the one the hub created: a bound transport (even a subclass) is always called through publish().
    this.#memory = options.owned && transport instanceof InMemoryTransport ? transport : undefined;
    this.#ownsTransport = options.owned;
    this.#transportName = options.name;
  }

  get transportName(): string {
    return this.#transportName;
  }

  publish<TData>(
    caller: BusCaller,
    type: string,
    data: TData,
    options: PublishOptions | undefined,
  ): Promise<CloudEvent<TData>> {
    let event: CloudEvent<TData>;
    let transport: EventTransport;
    try {
      transport = this.#prepare(caller, type, data);
      const source = options?.source ?? caller.name;
      if (typeof source !== 'string' || source.length === 0) {
        throw new EventValidationError(
          `Plugin '${caller.name}' published '${type}' with an empty or non-string source; omit it to use the plugin's name.`,
          { code: 'TRELLIS_EVENT_DATA_INVALID', plugin: caller.name },
        );
      }
      event = this.#envelopes.create(type, data, source);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    this.#countersOf(caller.name).published++;
    this.#total.published++;
    const memory = this.#memory;
    if (memory === undefined) return transport.publish(event).then(() => event);
    try {
      memory.publishNow(event);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return Promise.resolve(event);
  }

  /** Validates a publish; returns the transport to use. */
  #prepare(caller: BusCaller, type: string, data: unknown): EventTransport {
    const transport = this.#transport;
    if (transport === undefined) throw new EventsNotReadyError(caller.name, 'publish');
    if (type !== this.#validType) {
      const typeProblem = describeEventTypeProblem(type);
      if (typeProblem !== undefined) {
        throw new EventValidationError(
          `Plugin '${caller.name}' published an invalid event type ${safeJson(type)}: ${typeProblem}.`,
          { code: 'TRELLIS_EVENT_TYPE_INVALID', plugin: caller.name },
        );
      }
      this.#validType = type;
    }
    if (data !== null && typeof data !== 'string' && typeof data !== 'boolean') {
      const dataProblem =
        typeof data === 'number' && Number.isFinite(data) ? undefined : describeDataProblem(data);
      if (dataProblem !== undefined) {
        throw new EventValidationError(
          `Plugin '${caller.name}' published '${type}' with a payload that is not JSON: ${dataProblem}. ` +
            `Send plain objects, arrays, strings, finite numbers, booleans and null.`,
          { code: 'TRELLIS_EVENT_DATA_INVALID', plugin: caller.name },
        );
      }
    }
    return transport;
  }

  async subscribe<TData>(
    caller: BusCaller,
    pattern: string,
    handler: EventSubscriptionHandler<TData>,
    options: SubscribeOptions | undefined,
  ): Promise<Unsubscribe> {
    const transport = this.#transport;
    if (transport === undefined) throw new EventsNotReadyError(caller.name, 'subscribe');
    const problem = describePatternProblem(pattern);
    if (problem !== undefined) {
      throw new EventValidationError(
        `Plugin '${caller.name}' subscribed with an invalid pattern ${safeJson(pattern)}: ${problem}. ` +
          `Patterns are dot-separated, e.g. 'order.*' or 'order.**'.`,
        { code: 'TRELLIS_EVENT_PATTERN_INVALID', plugin: caller.name },
      );
    }
    if (typeof handler !== 'function') {
      throw new EventValidationError(
        `Plugin '${caller.name}' subscribed to '${pattern}' with a handler that is not a function.`,
        { code: 'TRELLIS_EVENT_SUBSCRIBER_INVALID', plugin: caller.name },
      );
    }
    const group = options?.group;
    if (group !== undefined && (typeof group !== 'string' || group.length === 0)) {
      throw new EventValidationError(
        `Plugin '${caller.name}' subscribed to '${pattern}' with an empty or non-string group; omit it or name the group.`,
        { code: 'TRELLIS_EVENT_SUBSCRIBER_INVALID', plugin: caller.name },
      );
    }
    const subscription: Subscription = {
      caller,
      pattern,
      group,
      counters: this.#countersOf(caller.name),
      off: undefined,
      ended: false,
    };
    const wrapped = this.#wrap(subscription, handler as EventSubscriptionHandler);
    this.#byHandler.set(wrapped, subscription);
    let own = this.#byPlugin.get(caller.name);
    if (own === undefined) this.#byPlugin.set(caller.name, (own = new Set()));
    own.add(subscription);
    try {
      subscription.off = await transport.subscribe(pattern, wrapped, group === undefined ? {} : { group });
    } catch (error) {
      this.#forget(subscription, wrapped);
      throw error;
    }
    const off = subscription.off;
    if (subscription.ended) await off(); // released while the transport was subscribing
    return async () => {
      if (subscription.ended) return off();
      subscription.ended = true;
      this.#forget(subscription, wrapped);
      return off();
    };
  }

  /** Ends every subscription of a plugin (it stopped or unloaded). */
  async release(plugin: string): Promise<void> {
    const own = this.#byPlugin.get(plugin);
    if (own === undefined) return;
    this.#byPlugin.delete(plugin);
    const offs: Promise<void>[] = [];
    for (const subscription of own) {
      subscription.ended = true;
      if (subscription.off !== undefined) offs.push(subscription.off().catch(() => undefined));
    }
    for (const [handler, subscription] of this.#byHandler) {
      if (subscription.caller.name === plugin) this.#byHandler.delete(handler);
    }
    await Promise.all(offs);
  }

  /** Ends every subscription and closes the transport if the hub created it. */
  async close(): Promise<void> {
    await Promise.all([...this.#byPlugin.keys()].map((plugin) => this.release(plugin)));
    const transport = this.#transport;
    this.#transport = undefined;
    this.#memory = undefined;
    if (transport !== undefined && this.#ownsTransport) await transport.close();
  }

  stats(): EventBusStats {
    const plugins = new Map<string, Readonly<EventCounters>>();
    for (const [name, counters] of this.#counters) plugins.set(name, { ...counters });
    return {
      total: { ...this.#total },
      plugins,
      subscriptions: this.#byHandler.size,
      transport: this.#transportName,
    };
  }

  /** The in-memory transport's report of an event dropped from a full queue. */
  readonly overflowed = (event: CloudEvent, info: SubscriptionInfo): void => {
    const subscription = this.#find(info);
    const counters = subscription?.counters;
    this.#total.dropped++;
    if (counters !== undefined) counters.dropped++;
    const dropped = counters?.dropped ?? this.#total.dropped;
    if (dropped % 1000 !== 1) return; // the first drop, then one report per thousand
    const who =
      subscription === undefined ? `group '${String(info.group)}'` : `plugin '${subscription.caller.name}'`;
    this.#raise(
      subscription,
      event,
      info,
      'TRELLIS_EVENT_QUEUE_OVERFLOW',
      undefined,
      `The queue of ${who} for '${info.pattern}' is full (${this.#options.queueLimit} events): its oldest ` +
        `event '${event.type}' (id ${event.id}) was dropped, ${dropped} so far. Its handler is slower than ` +
        `the publishers: make it faster, share the load with a group, or raise 'queueLimit' of trellis.events.`,
    );
  };

  /** The in-memory transport's report of an event that failed `maxDeliveries` times. */
  readonly deadLettered = (event: CloudEvent, info: SubscriptionInfo, cause: unknown): void => {
    const subscription = this.#find(info);
    this.#total.deadLettered++;
    if (subscription !== undefined) subscription.counters.deadLettered++;
    const who =
      subscription === undefined ? `group '${String(info.group)}'` : `plugin '${subscription.caller.name}'`;
    this.#raise(
      subscription,
      event,
      info,
      'TRELLIS_EVENT_DEAD_LETTER',
      cause,
      `Event '${event.type}' (id ${event.id}) failed ${this.#options.maxDeliveries} times in ${who} ` +
        `(pattern '${info.pattern}') and was given up: ${describeCause(cause)}. Fix the handler; ` +
        `'maxDeliveries' of trellis.events sets how many times it is tried.`,
    );
  };

  #wrap(subscription: Subscription, handler: EventSubscriptionHandler): TransportHandler {
    const { isEnabled } = this.#options;
    const plugin = subscription.caller.name;
    return (event) => {
      if (!isEnabled(plugin)) {
        subscription.counters.skipped++;
        this.#total.skipped++;
        return undefined;
      }
      let result: unknown;
      try {
        result = handler(event);
      } catch (error) {
        throw this.#failed(subscription, event, error, false);
      }
      if (isThenable(result)) return this.#settle(subscription, event, result);
      subscription.counters.delivered++;
      this.#total.delivered++;
      return undefined;
    };
  }

  #settle(subscription: Subscription, event: CloudEvent, result: PromiseLike<unknown>): Promise<void> {
    const timeout = this.#options.handlerTimeout;
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const timer =
        timeout > 0
          ? setTimeout(() => {
              if (settled) return;
              settled = true;
              reject(this.#failed(subscription, event, undefined, true));
            }, timeout)
          : undefined;
      Promise.resolve(result).then(
        () => {
          if (settled) return;
          settled = true;
          if (timer !== undefined) clearTimeout(timer);
          subscription.counters.delivered++;
          this.#total.delivered++;
          resolve();
        },
        (error: unknown) => {
          if (settled) return;
          settled = true;
          if (timer !== undefined) clearTimeout(timer);
          reject(this.#failed(subscription, event, error, false));
        },
      );
    });
  }

  #failed(
    subscription: Subscription,
    event: CloudEvent,
    cause: unknown,
    timedOut: boolean,
  ): EventDeliveryError {
    subscription.counters.failed++;
    this.#total.failed++;
    const name = subscription.caller.name;
    const delivery = event.deliveryCount ?? 1;
    const what = `event '${event.type}' (id ${event.id}, delivery ${delivery}) subscribed as '${subscription.pattern}'`;
    const message = timedOut
      ? `Plugin '${name}' did not finish handling ${what} within ${this.#options.handlerTimeout} ms. ` +
        `Make the handler settle sooner (or raise 'handlerTimeout' of trellis.events); the event is redelivered.`
      : `Plugin '${name}' failed to handle ${what}: ${describeCause(cause)}. Fix the handler; the event ` +
        `is redelivered up to 'maxDeliveries' times.`;
    return this.#raise(
      subscription,
      event,
      { pattern: subscription.pattern, group: subscription.group, handler: undefined },
      timedOut ? 'TRELLIS_EVENT_HANDLER_TIMEOUT' : 'TRELLIS_EVENT_HANDLER',
      cause,
      message,
    );
  }

  #raise(
    subscription: Subscription | undefined,
    event: CloudEvent,
    info: SubscriptionInfo,
    code: EventDeliveryCode,
    cause: unknown,
    message: string,
  ): EventDeliveryError {
    const caller = subscription?.caller ?? { name: 'trellis.events', version: '0.0.0' };
    const error = new EventDeliveryError(message, {
      code,
      plugin: caller.name,
      eventType: event.type,
      eventId: event.id,
      pattern: info.pattern,
      deliveryCount: event.deliveryCount ?? 1,
      cause,
    });
    try {
      this.#options.logger.warn({ err: error, plugin: caller.name, event: event.type, code }, error.message);
      this.#options.report(caller, error);
    } catch {
      // Reporting never breaks delivery.
    }
    return error;
  }

  #find(info: SubscriptionInfo): Subscription | undefined {
    if (info.handler !== undefined) {
      const found = this.#byHandler.get(info.handler);
      if (found !== undefined) return found;
    }
    for (const subscription of this.#byHandler.values()) {
      if (subscription.group === info.group && subscription.pattern === info.pattern) return subscription;
    }
    return undefined;
  }

  #forget(subscription: Subscription, wrapped: TransportHandler): void {
    this.#byHandler.delete(wrapped);
    this.#byPlugin.get(subscription.caller.name)?.delete(subscription);
  }

  #countersOf(plugin: string): EventCounters {
    let counters = this.#counters.get(plugin);
    if (counters === undefined) this.#counters.set(plugin, (counters = createCounters()));
    return counters;
  }
}

function safeJson(value: unknown): string {
  try {
    return jsonOrString(value);
  } catch {
    return 'an unprintable value';
  }
}

function jsonOrString(value: unknown): string {
  const text: unknown = JSON.stringify(value);
  return typeof text === 'string' ? text : String(value);
}
