import { TransportError, ValidationError } from '@trellis/core';
import { compileEventPattern } from '../patterns/compileEventPattern.js';
import { describePatternProblem } from '../patterns/describePatternProblem.js';
import type { EventPatternMatcher } from '../patterns/EventPatternMatcher.js';
import type { CloudEvent } from './CloudEvent.js';
import { DeliveryGroup, type DeliverySettings } from './DeliveryGroup.js';
import type { EventTransport, TransportHandler, TransportSubscribeOptions } from './EventTransport.js';
import type { InMemoryTransportOptions } from './InMemoryTransportOptions.js';

interface Route {
  readonly matcher: EventPatternMatcher;
  readonly target: DeliveryGroup;
}

const RESOLVED: Promise<void> = Promise.resolve();
const MAX_CACHED_TYPES = 10_000;

/**
 * The default {@link EventTransport}: events stay in this process. Delivery is asynchronous, one
 * bounded queue per subscriber (per group for a group), in publish order per subscriber; a handler
 * that throws gets the event again (`deliveryCount` + 1) up to `maxDeliveries`; a full queue drops
 * its oldest event (reported through `onOverflow`).
 *
 * @example
 * ```ts
 * const transport = new InMemoryTransport({ queueLimit: 1000 });
 * const off = await transport.subscribe('order.*', (event) => console.log(event.data));
 * ```
 */
export class InMemoryTransport implements EventTransport {
  readonly #settings: DeliverySettings;
  readonly #routes: Route[] = [];
  /** Groups by `group + '\0' + pattern`. */
  readonly #groups = new Map<string, DeliveryGroup>();
  /** The groups each concrete type goes to; rebuilt after a subscription changes. */
  readonly #byType = new Map<string, readonly DeliveryGroup[]>();
  #closed = false;
  /** Groups with events waiting for the next flush. */
  #dirty: DeliveryGroup[] = [];

  constructor(options: InMemoryTransportOptions = {}) {
    const queueLimit = options.queueLimit ?? 10_000;
    const maxDeliveries = options.maxDeliveries ?? 5;
    if (!Number.isInteger(queueLimit) || queueLimit < 1) {
      throw new ValidationError(
        `InMemoryTransport: queueLimit must be a positive integer, got ${String(queueLimit)}.`,
      );
    }
    if (!Number.isInteger(maxDeliveries) || maxDeliveries < 1) {
      throw new ValidationError(
        `InMemoryTransport: maxDeliveries must be a positive integer, got ${String(maxDeliveries)}.`,
      );
    }
    this.#settings = {
      queueLimit,
      maxDeliveries,
      onOverflow: options.onOverflow,
      onDeadLetter: options.onDeadLetter,
      schedule: (group) => {
        if (this.#dirty.push(group) === 1) queueMicrotask(this.#flush);
      },
    };
  }

  publish(event: CloudEvent): Promise<void> {
    if (this.#closed) return Promise.reject(this.#closedError('publish'));
    this.publishNow(event);
    return RESOLVED;
  }

  /**
   * The synchronous form of {@link publish}: the event is queued for every matching subscriber
   * before this returns (handlers still run later). Throws `TransportError` once closed.
   */
  publishNow(event: CloudEvent): void {
    if (this.#closed) throw this.#closedError('publish');
    const targets = this.#byType.get(event.type) ?? this.#resolve(event.type);
    if (targets.length === 0) return;
    const delivered: CloudEvent =
      event.deliveryCount === 1
        ? event
        : event.datacontenttype === undefined
          ? Object.freeze({ ...event, deliveryCount: 1 })
          : Object.freeze({
              specversion: event.specversion,
              id: event.id,
              source: event.source,
              type: event.type,
              time: event.time,
              datacontenttype: event.datacontenttype,
              data: event.data,
              deliveryCount: 1,
            });
    for (const target of targets) target.enqueue(delivered);
  }

  subscribe(
    pattern: string,
    handler: TransportHandler,
    options: TransportSubscribeOptions = {},
  ): Promise<() => Promise<void>> {
    if (this.#closed) return Promise.reject(this.#closedError('subscribe'));
    const problem = describePatternProblem(pattern);
    if (problem !== undefined) {
      return Promise.reject(
        new ValidationError(`Invalid subscription pattern ${JSON.stringify(pattern)}: ${problem}.`),
      );
    }
    if (typeof handler !== 'function') {
      return Promise.reject(new ValidationError(`The handler subscribed to '${pattern}' is not a function.`));
    }
    const group = options.group;
    let target: DeliveryGroup | undefined;
    const key = group === undefined ? undefined : `${group}\u0000${pattern}`;
    if (key !== undefined) target = this.#groups.get(key);
    if (target === undefined) {
      target = new DeliveryGroup(pattern, group, this.#settings);
      if (key !== undefined) this.#groups.set(key, target);
      this.#routes.push({ matcher: compileEventPattern(pattern), target });
      this.#byType.clear();
    }
    const owner = target;
    const member = owner.add(handler);
    let removal: Promise<void> | undefined;
    const unsubscribe = (): Promise<void> => {
      if (removal !== undefined) return removal;
      removal = owner.remove(member);
      if (owner.empty) this.#drop(owner, key);
      return removal;
    };
    return Promise.resolve(unsubscribe);
  }

  /** Stops every delivery; waiting events are dropped. Resolves once deliveries in flight settled. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const closing = this.#routes.map((route) => route.target.close());
    this.#routes.length = 0;
    this.#groups.clear();
    this.#byType.clear();
    await Promise.all(closing);
  }

  /** One microtask for every group that has events waiting: handlers run after the publish returned. */
  readonly #flush = (): void => {
    const groups = this.#dirty;
    this.#dirty = [];
    for (const group of groups) group.pump();
  };

  #resolve(type: string): readonly DeliveryGroup[] {
    const targets: DeliveryGroup[] = [];
    for (const route of this.#routes) if (route.matcher.matches(type)) targets.push(route.target);
    if (this.#byType.size >= MAX_CACHED_TYPES) this.#byType.clear();
    this.#byType.set(type, targets);
    return targets;
  }

  #drop(target: DeliveryGroup, key: string | undefined): void {
    const index = this.#routes.findIndex((route) => route.target === target);
    if (index >= 0) this.#routes.splice(index, 1);
    if (key !== undefined) this.#groups.delete(key);
    this.#byType.clear();
  }

  #closedError(operation: string): TransportError {
    return new TransportError({
      transport: 'memory',
      operation,
      reason: 'the transport is closed (the events plugin stopped). Publish and subscribe while it runs.',
    });
  }
}
