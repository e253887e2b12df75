import { CORE_ERROR_CODE_LIST, type CoreErrorCode } from './CoreErrorCode.js';

/**
 * Every error code raised by `@trellis/core`, for tooling and the error-code documentation
 * (`docs/errors.md` lists each one; a test keeps the two in step). Derived from {@link CoreErrorCode}.
 */
export const ERROR_CODES: readonly CoreErrorCode[] = Object.freeze([...CORE_ERROR_CODE_LIST]);
