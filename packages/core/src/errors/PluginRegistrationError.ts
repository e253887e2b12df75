import { TrellisError } from '@trellis/extensions';
import type { CoreErrorCode } from './CoreErrorCode.js';

/** Options of {@link PluginRegistrationError}. */
export interface PluginRegistrationErrorOptions {
  /** The plugin name concerned, when known. */
  readonly plugin?: string | undefined;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/**
 * `register()` refused a class: it is not a plugin, or its name is taken by another class, or a
 * token it provides is already provided by another plugin. Code `TRELLIS_PLUGIN_REGISTRATION`.
 */
export class PluginRegistrationError extends TrellisError {
  /** The code of every `PluginRegistrationError`. */
  static readonly CODE = 'TRELLIS_PLUGIN_REGISTRATION' satisfies CoreErrorCode;

  /** The plugin name concerned, when known. */
  readonly plugin: string | undefined;

  constructor(message: string, options: PluginRegistrationErrorOptions = {}) {
    super(message, { code: PluginRegistrationError.CODE, cause: options.cause });
    this.plugin = options.plugin;
  }
}
