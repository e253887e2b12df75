/**
 * Every error code raised by `@trellis/events` (each documented in `docs/errors.md`).
 */
export const EVENTS_ERROR_CODES = Object.freeze([
  'TRELLIS_EVENT_TYPE_INVALID',
  'TRELLIS_EVENT_DATA_INVALID',
  'TRELLIS_EVENT_PATTERN_INVALID',
  'TRELLIS_EVENT_SUBSCRIBER_INVALID',
  'TRELLIS_EVENT_HANDLER',
  'TRELLIS_EVENT_HANDLER_TIMEOUT',
  'TRELLIS_EVENT_QUEUE_OVERFLOW',
  'TRELLIS_EVENT_DEAD_LETTER',
  'TRELLIS_EVENTS_NOT_READY',
] as const);

/** One of {@link EVENTS_ERROR_CODES}. */
export type EventsErrorCode = (typeof EVENTS_ERROR_CODES)[number];

declare module '@trellis/core' {
  // Registers this package's codes, so `TrellisError.is(error, 'TRELLIS_EVENT_HANDLER')` type-checks.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
  interface TrellisErrorCodes extends Record<EventsErrorCode, true> {}
}
