import type { CloudEvent } from '../transport/CloudEvent.js';

/** Called for each event a subscription receives; a throw or rejection is reported and the event redelivered. */
export type EventSubscriptionHandler<TData = unknown> = (event: CloudEvent<TData>) => void | Promise<void>;

/** Options of {@link EventBus.publish}. */
export interface PublishOptions {
  /** The envelope's `source`; default the publishing plugin's name. */
  readonly source?: string;
}

/** Options of {@link EventBus.subscribe}. */
export interface SubscribeOptions {
  /**
   * Subscribers of one group (same name and pattern) share each event: it is handled once by one of
   * them (once across all hosts with a remote transport). Without a group every subscriber gets
   * every event.
   */
  readonly group?: string;
}

/** Removes a subscription; resolves once its handler is no longer running. Calling it again is harmless. */
export type Unsubscribe = () => Promise<void>;

/**
 * A plugin's view of the event bus (token `EVENT_BUS`): it knows which plugin it belongs to, so
 * events default to that plugin as `source`, errors name it, and its subscriptions end when it stops.
 *
 * @example
 * ```ts
 * await this.bus.publish('order.paid', { orderId: 42 });
 * const off = await this.bus.subscribe('order.*', (event) => this.audit(event));
 * ```
 */
export interface EventBus {
  /** The plugin this bus belongs to. */
  readonly plugin: string;
  /**
   * Publishes a CloudEvents envelope of `type` with `data` (JSON values only); resolves to the
   * envelope once the transport accepted it. Delivery to subscribers is asynchronous.
   */
  publish<TData>(type: string, data: TData, options?: PublishOptions): Promise<CloudEvent<TData>>;
  /**
   * Subscribes to the event types matching `pattern` (wildcards as for hooks: `user.*`, `user.**`).
   * Once the promise resolves every event published afterwards is delivered, in publish order.
   */
  subscribe<TData = unknown>(
    pattern: string,
    handler: EventSubscriptionHandler<TData>,
    options?: SubscribeOptions,
  ): Promise<Unsubscribe>;
}
