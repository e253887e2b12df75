import type { CloudEvent } from './CloudEvent.js';
import type { TransportHandler } from './EventTransport.js';

/** Which subscription a report of the in-memory transport is about. */
export interface SubscriptionInfo {
  readonly pattern: string;
  readonly group: string | undefined;
  /** The handler given to `subscribe()` (for a group: the member whose queue it was, if known). */
  readonly handler: TransportHandler | undefined;
}

/** Options of {@link InMemoryTransport}. */
export interface InMemoryTransportOptions {
  /**
   * Events waiting per subscriber (per group for a group) before the oldest is dropped; default
   * 10 000. A slow subscriber thus never slows the publisher nor the other subscribers.
   */
  readonly queueLimit?: number;
  /** Times a handler is called for one event before it is dead-lettered; default 5. */
  readonly maxDeliveries?: number;
  /** Called for each event dropped because a subscriber's queue was full. Must not throw. */
  readonly onOverflow?: (event: CloudEvent, info: SubscriptionInfo) => void;
  /** Called for each event that failed `maxDeliveries` times. Must not throw. */
  readonly onDeadLetter?: (event: CloudEvent, info: SubscriptionInfo, error: unknown) => void;
}
