import { EXTENSION_ERROR_CODE_LIST, type ExtensionErrorCode } from './ExtensionErrorCode.js';

/**
 * Every error code raised by `@trellis/extensions`, for tooling and the error-code documentation.
 * Derived from {@link ExtensionErrorCode}.
 */
export const EXTENSION_ERROR_CODES: readonly ExtensionErrorCode[] = Object.freeze([
  ...EXTENSION_ERROR_CODE_LIST,
]);
