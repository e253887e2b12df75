import { TrellisError } from '@trellis/extensions';
import type { CoreErrorCode } from './CoreErrorCode.js';

/** Options of {@link PluginDiscoveryError}. */
export interface PluginDiscoveryErrorOptions {
  /** The file or directory concerned. */
  readonly path: string;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/**
 * Plugins could not be discovered: a missing directory, or a module that cannot be read. Code
 * `TRELLIS_PLUGIN_DISCOVERY`.
 */
export class PluginDiscoveryError extends TrellisError {
  /** The code of every `PluginDiscoveryError`. */
  static readonly CODE = 'TRELLIS_PLUGIN_DISCOVERY' satisfies CoreErrorCode;

  /** The file or directory concerned. */
  readonly path: string;

  constructor(message: string, options: PluginDiscoveryErrorOptions) {
    super(message, { code: PluginDiscoveryError.CODE, cause: options.cause });
    this.path = options.path;
  }
}
