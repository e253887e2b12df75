/** Every error code raised by `@trellis/cli` itself (commands also report the codes of core and loader). */
export const CLI_ERROR_CODES = Object.freeze(['TRELLIS_CLI_USAGE', 'TRELLIS_CLI_TARGET_EXISTS'] as const);

/** A code of {@link CLI_ERROR_CODES}. */
export type CliErrorCode = (typeof CLI_ERROR_CODES)[number];

declare module '@trellis/core' {
  // Registers this package's codes, so `TrellisError.is(error, 'TRELLIS_CLI_USAGE')` type-checks.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
  interface TrellisErrorCodes extends Record<CliErrorCode, true> {}
}
