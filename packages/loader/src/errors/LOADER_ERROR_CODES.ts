/**
 * Every error code raised by `@trellis/loader`, for tooling and the error-code documentation
 * (`docs/errors.md` lists each one; a test keeps the two in step).
 */
export const LOADER_ERROR_CODES = Object.freeze([
  'TRELLIS_DIRECTORY_NOT_FOUND',
  'TRELLIS_MODULE_IMPORT',
  'TRELLIS_MANIFEST_INVALID',
  'TRELLIS_MANIFEST_MAIN_ESCAPES',
  'TRELLIS_PACKAGE_INVALID',
  'TRELLIS_URI_MALFORMED',
  'TRELLIS_URI_MODULE_NOT_FOUND',
  'TRELLIS_URI_EXPORT_NOT_FOUND',
  'TRELLIS_CONFIG_NOT_FOUND',
  'TRELLIS_CONFIG_PARSE',
  'TRELLIS_CONFIG_INVALID',
  'TRELLIS_CONFIG_ENV_MISSING',
] as const);

/** An error code raised by `@trellis/loader`. */
export type LoaderErrorCode = (typeof LOADER_ERROR_CODES)[number];

declare module '@trellis/extensions' {
  // The loader's codes, so that `TrellisError.is(error, 'TRELLIS_URI_MALFORMED')` compiles.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
  interface TrellisErrorCodes extends Record<LoaderErrorCode, true> {}
}
