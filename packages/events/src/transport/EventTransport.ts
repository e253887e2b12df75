import type { CloudEvent } from './CloudEvent.js';

/** Called by a transport for each delivered event; a throw or rejection leaves the event unacknowledged. */
export type TransportHandler = (event: CloudEvent) => void | Promise<void>;

/** Options of {@link EventTransport.subscribe}. */
export interface TransportSubscribeOptions {
  /** Subscribers of one group share each event once (across every host for a remote transport). */
  readonly group?: string;
}

/**
 * Moves events between publishers and subscribers. In-memory by default; `@trellis/redis` implements
 * it on Redis Streams. Every implementation passes the transport contract suite.
 */
export interface EventTransport {
  /** Resolves once the event is stored/accepted by the transport; rejects with `TransportError` past its bound. */
  publish(event: CloudEvent): Promise<void>;
  /** Resolves once the subscription is live: every event published afterwards is delivered. Resolves to an unsubscribe function. */
  subscribe(
    pattern: string,
    handler: TransportHandler,
    options?: TransportSubscribeOptions,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
