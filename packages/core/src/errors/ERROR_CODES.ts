/**
 * Every error code raised by `@trellis/core`, for tooling and the error-code documentation
 * (`docs/errors.md` lists each one; a test keeps the two in step).
 */
export const ERROR_CODES: readonly string[] = Object.freeze([
  'TRELLIS_PLUGIN_REGISTRATION',
  'TRELLIS_PLUGIN_NOT_FOUND',
  'TRELLIS_PLUGIN_LOAD',
  'TRELLIS_PLUGIN_DISCOVERY',
  'TRELLIS_DEPENDENCY_MISSING',
  'TRELLIS_DEPENDENCY_VERSION',
  'TRELLIS_DEPENDENCY_ENGINE',
  'TRELLIS_DEPENDENCY_CYCLE',
  'TRELLIS_DEPENDENCY_FAILED',
  'TRELLIS_DEPENDENCY_DISABLED',
  'TRELLIS_CONFIG_VALIDATION',
  'TRELLIS_LIFECYCLE_TIMEOUT',
  'TRELLIS_STARTUP',
  'TRELLIS_TRANSPORT',
]);
