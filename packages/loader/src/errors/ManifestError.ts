import { LoaderError } from './LoaderError.js';

/**
 * A `plugin.json` is invalid (`TRELLIS_MANIFEST_INVALID`: malformed JSON, a missing field, a bad
 * version or range) or its `main` points outside its folder (`TRELLIS_MANIFEST_MAIN_ESCAPES`).
 */
export class ManifestError extends LoaderError {
  /** Code of a manifest that is malformed or breaks the schema. */
  static readonly INVALID = 'TRELLIS_MANIFEST_INVALID';
  /** Code of a manifest whose `main` leaves its folder. */
  static readonly MAIN_ESCAPES = 'TRELLIS_MANIFEST_MAIN_ESCAPES';
}
