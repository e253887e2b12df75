import { TrellisError } from '@trellis/core';
import type { RedisErrorCode } from './REDIS_ERROR_CODES.js';

/**
 * `RedisPlugin` could not start: no URL configured (`TRELLIS_REDIS_CONFIG`) or the broker did not
 * answer within `connectTimeoutMs` (`TRELLIS_REDIS_CONNECT`).
 */
export class RedisError extends TrellisError {
  declare readonly code: RedisErrorCode;
}
