/** Every error code `@trellis/health` raises (documented in docs/errors.md). */
export const HEALTH_ERROR_CODES = Object.freeze([
  'TRELLIS_HEALTH_CHECK_FAILED',
  'TRELLIS_HEALTH_CHECK_TIMEOUT',
  'TRELLIS_HEALTH_CHECK_INVALID',
] as const);

/** One of {@link HEALTH_ERROR_CODES}. */
export type HealthErrorCode = (typeof HEALTH_ERROR_CODES)[number];

declare module '@trellis/core' {
  // Registers this package's codes, so `TrellisError.is(error, 'TRELLIS_HEALTH_CHECK_TIMEOUT')` type-checks.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
  interface TrellisErrorCodes extends Record<HealthErrorCode, true> {}
}
