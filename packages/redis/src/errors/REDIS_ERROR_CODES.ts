/** Every error code `@trellis/redis` raises itself (outages surface as core's `TRELLIS_TRANSPORT`). */
export const REDIS_ERROR_CODES = ['TRELLIS_REDIS_CONFIG', 'TRELLIS_REDIS_CONNECT'] as const;

/** One of {@link REDIS_ERROR_CODES}. */
export type RedisErrorCode = (typeof REDIS_ERROR_CODES)[number];
