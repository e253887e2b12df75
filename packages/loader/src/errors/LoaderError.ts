import { TrellisError } from '@trellis/extensions';

/** Options of {@link LoaderError} and its subclasses. */
export interface LoaderErrorOptions {
  /** Stable code, one of `LOADER_ERROR_CODES`. */
  readonly code: string;
  /** The file or directory concerned. */
  readonly file?: string | undefined;
  /** Where in the file: a JSON path such as `$.dependencies.auth`. */
  readonly jsonPath?: string | undefined;
  /** 1-based line in the file, when known. */
  readonly line?: number | undefined;
  /** 1-based column in the file, when known. */
  readonly column?: number | undefined;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/**
 * An error of `@trellis/loader`: something could not be found, read, parsed or imported. Carries the
 * file concerned and, when known, the JSON path or line and column.
 */
export class LoaderError extends TrellisError {
  /** The file or directory concerned. */
  readonly file: string | undefined;
  /** Where in the file, as a JSON path (`$.plugins.directories[0]`). */
  readonly jsonPath: string | undefined;
  /** 1-based line, when known. */
  readonly line: number | undefined;
  /** 1-based column, when known. */
  readonly column: number | undefined;

  constructor(message: string, options: LoaderErrorOptions) {
    super(message, { code: options.code, cause: options.cause });
    this.file = options.file;
    this.jsonPath = options.jsonPath;
    this.line = options.line;
    this.column = options.column;
  }
}
