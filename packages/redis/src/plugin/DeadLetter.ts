import type { CloudEvent } from '@trellis/events';

/** An event that exhausted `maxDeliveries`, as kept in the dead-letter stream. */
export interface DeadLetter {
  /** The entry's id in the dead-letter stream. */
  readonly letterId: string;
  /** The event's id in the events stream. */
  readonly id: string;
  /** The subscriber group that gave up on it. */
  readonly group: string;
  readonly pattern: string;
  /** How many times it was delivered. */
  readonly deliveries: number;
  /** When it was dead-lettered (ISO 8601). */
  readonly deadAt: string;
  /** The event, or undefined when its entry was unreadable. */
  readonly event: CloudEvent | undefined;
}
