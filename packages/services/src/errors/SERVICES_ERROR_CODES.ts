/** Every error code raised by `@trellis/services` (each documented in `docs/errors.md`). */
export const SERVICES_ERROR_CODES = Object.freeze([
  'TRELLIS_SERVICE_INVALID',
  'TRELLIS_SERVICE_VETOED',
  'TRELLIS_SERVICE_NOT_OWNER',
  'TRELLIS_SERVICES_NOT_READY',
] as const);

/** One of {@link SERVICES_ERROR_CODES}. */
export type ServicesErrorCode = (typeof SERVICES_ERROR_CODES)[number];

declare module '@trellis/core' {
  // Registers this package's codes, so `TrellisError.is(error, 'TRELLIS_SERVICE_VETOED')` type-checks.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
  interface TrellisErrorCodes extends Record<ServicesErrorCode, true> {}
}
