import { TrellisError } from '@trellis/core';

/** The codes an {@link EventDeliveryError} carries. */
export type EventDeliveryCode =
  | 'TRELLIS_EVENT_HANDLER'
  | 'TRELLIS_EVENT_HANDLER_TIMEOUT'
  | 'TRELLIS_EVENT_QUEUE_OVERFLOW'
  | 'TRELLIS_EVENT_DEAD_LETTER';

/** Options of {@link EventDeliveryError}. */
export interface EventDeliveryErrorOptions {
  readonly code: EventDeliveryCode;
  /** The subscribing plugin. */
  readonly plugin: string;
  /** The event's `type`. */
  readonly eventType: string;
  /** The event's `id`. */
  readonly eventId: string;
  /** The subscription's pattern. */
  readonly pattern: string;
  /** Which delivery of the event this was (1 for the first). */
  readonly deliveryCount?: number;
  readonly cause?: unknown;
}

/**
 * An event could not be delivered to a subscriber: its handler threw, rejected or timed out, its
 * queue was full and the oldest event was dropped, or it failed `maxDeliveries` times and was
 * dead-lettered. Reported through `trellis.plugin.error` and the bus statistics, never thrown at the
 * publisher.
 */
export class EventDeliveryError extends TrellisError {
  readonly plugin: string;
  readonly eventType: string;
  readonly eventId: string;
  readonly pattern: string;
  readonly deliveryCount: number | undefined;

  constructor(message: string, options: EventDeliveryErrorOptions) {
    super(message, { code: options.code, cause: options.cause });
    this.plugin = options.plugin;
    this.eventType = options.eventType;
    this.eventId = options.eventId;
    this.pattern = options.pattern;
    this.deliveryCount = options.deliveryCount;
  }
}
