/**
 * Every error code raised by `@trellis/extensions`, for tooling and the error-code documentation.
 */
export const EXTENSION_ERROR_CODES: readonly string[] = Object.freeze([
  'TRELLIS_VALIDATION',
  'TRELLIS_HOOK',
  'TRELLIS_HOOK_TIMEOUT',
  'TRELLIS_HOOK_AGGREGATE',
  'TRELLIS_HOOK_RECURSION',
  'TRELLIS_STOP_PROPAGATION',
]);
