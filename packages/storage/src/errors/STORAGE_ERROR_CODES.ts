/** Every error code raised by `@trellis/storage` (each documented in `docs/errors.md`). */
export const STORAGE_ERROR_CODES = Object.freeze([
  'TRELLIS_STORAGE_VALUE',
  'TRELLIS_STORAGE_KEY',
  'TRELLIS_STORAGE_DRIVER',
  'TRELLIS_STORAGE_CLOSED',
] as const);

/** One of {@link STORAGE_ERROR_CODES}. */
export type StorageErrorCode = (typeof STORAGE_ERROR_CODES)[number];

declare module '@trellis/core' {
  // Registers this package's codes, so `TrellisError.is(error, 'TRELLIS_STORAGE_VALUE')` type-checks.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
  interface TrellisErrorCodes extends Record<StorageErrorCode, true> {}
}
