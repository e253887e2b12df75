import { LoaderError, type LoaderErrorOptions } from './LoaderError.js';

/** Options of {@link UriError}. */
export interface UriErrorOptions extends LoaderErrorOptions {
  /** The URI concerned. */
  readonly uri: string;
}

/**
 * A plugin URI could not be loaded, with three distinct codes: `TRELLIS_URI_MALFORMED` (the text is
 * not a URI), `TRELLIS_URI_MODULE_NOT_FOUND` (no module at that specifier) and
 * `TRELLIS_URI_EXPORT_NOT_FOUND` (the module has no such export).
 */
export class UriError extends LoaderError {
  /** Code of a URI that cannot be parsed. */
  static readonly MALFORMED = 'TRELLIS_URI_MALFORMED';
  /** Code of a URI whose module cannot be found. */
  static readonly MODULE_NOT_FOUND = 'TRELLIS_URI_MODULE_NOT_FOUND';
  /** Code of a URI whose module lacks the named export. */
  static readonly EXPORT_NOT_FOUND = 'TRELLIS_URI_EXPORT_NOT_FOUND';

  /** The URI concerned. */
  readonly uri: string;

  constructor(message: string, options: UriErrorOptions) {
    super(message, options);
    this.uri = options.uri;
  }
}
