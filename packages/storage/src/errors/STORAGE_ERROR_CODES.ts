/** Every error code `@trellis/storage` raises. */
export const STORAGE_ERROR_CODES = [
  'TRELLIS_STORAGE_VALUE',
  'TRELLIS_STORAGE_KEY',
  'TRELLIS_STORAGE_DRIVER',
  'TRELLIS_STORAGE_CLOSED',
] as const;

/** One of {@link STORAGE_ERROR_CODES}. */
export type StorageErrorCode = (typeof STORAGE_ERROR_CODES)[number];
