/** The codes raised by `@trellis/core`, as a const tuple: the source of {@link CoreErrorCode} and `ERROR_CODES`. */
export const CORE_ERROR_CODE_LIST = [
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
  'TRELLIS_PLUGIN_STATE',
  'TRELLIS_LIFECYCLE_REENTRY',
  'TRELLIS_ISOLATION_FAILED',
  'TRELLIS_PERMISSION_DENIED',
] as const;

/** An error code raised by `@trellis/core`. */
export type CoreErrorCode = (typeof CORE_ERROR_CODE_LIST)[number];

declare module '@trellis/extensions' {
  // Core's codes, so that `TrellisError.is(error, 'TRELLIS_PLUGIN_LOAD')` compiles and a typo does not.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
  interface TrellisErrorCodes extends Record<CoreErrorCode, true> {}
}
