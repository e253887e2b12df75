/** Every code of `@trellis/cli` itself: its errors and the problems `doctor` adds (commands also report core and loader codes). */
export const CLI_ERROR_CODES = Object.freeze([
  'TRELLIS_CLI_USAGE',
  'TRELLIS_CLI_TARGET_EXISTS',
  'TRELLIS_CLI_FAILED',
  // Problems `trellis doctor` reports (not thrown).
  'TRELLIS_DOCTOR_PERMISSION_UNKNOWN',
  'TRELLIS_DOCTOR_PERMISSION_NOT_GRANTED',
] as const);

/** A code of {@link CLI_ERROR_CODES}. */
export type CliErrorCode = (typeof CLI_ERROR_CODES)[number];

declare module '@trellis/core' {
  // Registers this package's codes, so `TrellisError.is(error, 'TRELLIS_CLI_USAGE')` type-checks.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
  interface TrellisErrorCodes extends Record<CliErrorCode, true> {}
}
