/** Every error code raised by `@trellis/testing`. */
export const TESTING_ERROR_CODES = Object.freeze(['TRELLIS_PLUGIN_CONTRACT'] as const);

/** A code of {@link TESTING_ERROR_CODES}. */
export type TestingErrorCode = (typeof TESTING_ERROR_CODES)[number];

declare module '@trellis/core' {
  // Registers this package's codes, so `TrellisError.is(error, 'TRELLIS_PLUGIN_CONTRACT')` type-checks.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
  interface TrellisErrorCodes extends Record<TestingErrorCode, true> {}
}
