/** The codes raised by `@trellis/extensions`, as a const tuple (the source of the union and the list). */
export const EXTENSION_ERROR_CODE_LIST = [
  'TRELLIS_VALIDATION',
  'TRELLIS_HOOK',
  'TRELLIS_HOOK_TIMEOUT',
  'TRELLIS_HOOK_AGGREGATE',
  'TRELLIS_HOOK_RECURSION',
  'TRELLIS_STOP_PROPAGATION',
] as const;

/** An error code raised by `@trellis/extensions`. */
export type ExtensionErrorCode = (typeof EXTENSION_ERROR_CODE_LIST)[number];
