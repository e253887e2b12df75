import { TrellisError } from './TrellisError.js';

/** Options of {@link ValidationError}. */
export interface ValidationErrorOptions {
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/**
 * Thrown when an argument is invalid: a malformed event name, an unknown error strategy, a point
 * dispatched with the wrong kind. Code `TRELLIS_VALIDATION`.
 */
export class ValidationError extends TrellisError {
  /** The code of every `ValidationError`. */
  static readonly CODE = 'TRELLIS_VALIDATION';

  constructor(message: string, options: ValidationErrorOptions = {}) {
    super(message, { code: ValidationError.CODE, cause: options.cause });
  }
}
