/** Every error code `@trellis/metrics` raises (documented in docs/errors.md). */
export const METRICS_ERROR_CODES = Object.freeze([
  'TRELLIS_METRICS_DEFINITION',
  'TRELLIS_METRICS_DUPLICATE',
  'TRELLIS_METRICS_COLLECT_FAILED',
  'TRELLIS_METRICS_COLLECT_TIMEOUT',
  'TRELLIS_METRICS_VALUE',
] as const);

/** One of {@link METRICS_ERROR_CODES}. */
export type MetricsErrorCode = (typeof METRICS_ERROR_CODES)[number];

declare module '@trellis/core' {
  // Registers this package's codes, so `TrellisError.is(error, 'TRELLIS_METRICS_DUPLICATE')` type-checks.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
  interface TrellisErrorCodes extends Record<MetricsErrorCode, true> {}
}
