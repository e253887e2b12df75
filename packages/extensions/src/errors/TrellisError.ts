import type { KnownErrorCode, TrellisErrorCode } from './TrellisErrorCodes.js';

/** Marker set on every Trellis error; a registered symbol, so it survives two installed copies. */
const TRELLIS_ERROR_MARKER: unique symbol = Symbol.for('trellis.error');

/** Options accepted by {@link TrellisError} and its subclasses. */
export interface TrellisErrorOptions {
  /**
   * Stable machine-readable code, e.g. `TRELLIS_VALIDATION`. A package raising its own codes
   * registers them in `TrellisErrorCodes` (declaration merging) so that `TrellisError.is` accepts them.
   */
  readonly code: string;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/**
 * Base class of every Trellis error: a stable `code`, an optional `cause`, and `name` equal to the
 * class name.
 *
 * @example
 * ```ts
 * if (TrellisError.is(error, 'TRELLIS_HOOK_TIMEOUT')) retryLater();
 * ```
 */
export class TrellisError extends Error {
  /** Stable machine-readable code. */
  readonly code: string;

  declare readonly [TRELLIS_ERROR_MARKER]: true;

  constructor(message: string, options: TrellisErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    Object.defineProperty(this, 'name', {
      value: new.target.name,
      configurable: true,
      writable: true,
      enumerable: false,
    });
    Object.defineProperty(this, TRELLIS_ERROR_MARKER, { value: true, enumerable: false });
  }

  /**
   * Tells whether `value` is a Trellis error (optionally with the given `code`). Checks the
   * `Symbol.for('trellis.error')` marker rather than `instanceof`, so it works across copies of the
   * package. Never throws, whatever `value` is (a `Proxy` whose traps throw is simply not one).
   *
   * `code` must be a code registered in `TrellisErrorCodes` (a misspelt literal fails to compile);
   * a `string` only known at run time is accepted as well.
   */
  static is<const TCode extends string = TrellisErrorCode>(
    value: unknown,
    code?: TCode & KnownErrorCode<TCode>,
  ): value is TrellisError & { readonly code: TCode } {
    if (typeof value !== 'object' || value === null) return false;
    try {
      if ((value as Partial<Record<symbol, unknown>>)[TRELLIS_ERROR_MARKER] !== true) return false;
      return code === undefined || (value as { code?: unknown }).code === code;
    } catch {
      return false;
    }
  }
}
