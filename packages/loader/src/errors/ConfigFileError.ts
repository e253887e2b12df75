import { LoaderError } from './LoaderError.js';

/**
 * A `trellis.config.*` file cannot be used: `TRELLIS_CONFIG_NOT_FOUND`, `TRELLIS_CONFIG_PARSE`
 * (malformed JSON, YAML or TOML, with line and column; a module that throws), `TRELLIS_CONFIG_INVALID`
 * (a value of the wrong shape, with its JSON path) or `TRELLIS_CONFIG_ENV_MISSING` (a `${VAR}` with no
 * value and no default).
 */
export class ConfigFileError extends LoaderError {
  /** Code of a config file named explicitly that does not exist. */
  static readonly NOT_FOUND = 'TRELLIS_CONFIG_NOT_FOUND';
  /** Code of a config file that cannot be parsed. */
  static readonly PARSE = 'TRELLIS_CONFIG_PARSE';
  /** Code of a config value of the wrong shape. */
  static readonly INVALID = 'TRELLIS_CONFIG_INVALID';
  /** Code of an environment reference with no value and no default. */
  static readonly ENV_MISSING = 'TRELLIS_CONFIG_ENV_MISSING';
}
