import { TrellisError } from '@trellis/core';

/** The codes an {@link EventValidationError} carries. */
export type EventValidationCode =
  | 'TRELLIS_EVENT_TYPE_INVALID'
  | 'TRELLIS_EVENT_DATA_INVALID'
  | 'TRELLIS_EVENT_PATTERN_INVALID'
  | 'TRELLIS_EVENT_SUBSCRIBER_INVALID';

/** Options of {@link EventValidationError}. */
export interface EventValidationErrorOptions {
  readonly code: EventValidationCode;
  /** The plugin that made the call (or declared the subscription). */
  readonly plugin: string;
  readonly cause?: unknown;
}

/**
 * A `publish`, `subscribe` or event-handler plugin was given something the bus cannot take: an
 * invalid event type, a payload that is not JSON, an invalid pattern, a handler that is not a
 * function. Thrown before anything is published or subscribed.
 */
export class EventValidationError extends TrellisError {
  /** The plugin concerned. */
  readonly plugin: string;

  constructor(message: string, options: EventValidationErrorOptions) {
    super(message, { code: options.code, cause: options.cause });
    this.plugin = options.plugin;
  }
}
