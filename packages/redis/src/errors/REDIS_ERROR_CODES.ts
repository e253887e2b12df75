/**
 * Every error code raised by `@trellis/redis` itself (each documented in `docs/errors.md`); outages
 * surface as core's `TRELLIS_TRANSPORT`.
 */
export const REDIS_ERROR_CODES = Object.freeze(['TRELLIS_REDIS_CONFIG', 'TRELLIS_REDIS_CONNECT'] as const);

/** One of {@link REDIS_ERROR_CODES}. */
export type RedisErrorCode = (typeof REDIS_ERROR_CODES)[number];

declare module '@trellis/core' {
  // Registers this package's codes, so `TrellisError.is(error, 'TRELLIS_REDIS_CONNECT')` type-checks.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
  interface TrellisErrorCodes extends Record<RedisErrorCode, true> {}
}
