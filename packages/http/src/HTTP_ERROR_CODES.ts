/** Every error code `@trellis/http` raises or answers with (documented in docs/errors.md). */
export const HTTP_ERROR_CODES = Object.freeze([
  'TRELLIS_HTTP_ROUTE',
  'TRELLIS_HTTP_ROUTE_CONFLICT',
  'TRELLIS_HTTP_MIDDLEWARE',
  'TRELLIS_HTTP_LISTEN',
  'TRELLIS_HTTP_NOT_FOUND',
  'TRELLIS_HTTP_INTERNAL',
] as const);

/** One of {@link HTTP_ERROR_CODES}. */
export type HttpErrorCode = (typeof HTTP_ERROR_CODES)[number];

declare module '@trellis/core' {
  // Registers this package's codes, so `TrellisError.is(error, 'TRELLIS_HTTP_ROUTE_CONFLICT')` type-checks.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
  interface TrellisErrorCodes extends Record<HttpErrorCode, true> {}
}
