import type { ExtensionErrorCode } from './ExtensionErrorCode.js';

/**
 * The registry of every Trellis error code, as an interface that other packages extend by
 * declaration merging: each key is a code (the value type, `true`, is unused).
 * `TrellisError.is(value, code)` accepts only these keys, so a misspelt code fails to compile.
 *
 * @example
 * ```ts
 * // in a package that raises its own codes
 * declare module '@trellis/extensions' {
 *   interface TrellisErrorCodes extends Record<MyPackageErrorCode, true> {}
 * }
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface TrellisErrorCodes extends Record<ExtensionErrorCode, true> {}

/** Any code registered in {@link TrellisErrorCodes}. */
export type TrellisErrorCode = Extract<keyof TrellisErrorCodes, string>;

/**
 * `TCode` when it is a registered code or a plain `string` (a code only known at run time), else
 * `never`: a misspelt literal then fails to compile.
 */
export type KnownErrorCode<TCode extends string> = string extends TCode
  ? string
  : TCode extends TrellisErrorCode
    ? TCode
    : never;
