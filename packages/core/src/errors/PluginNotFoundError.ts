import { TrellisError } from '@trellis/extensions';
import type { CoreErrorCode } from './CoreErrorCode.js';

/**
 * A method was given a plugin name (or class) that is not registered. Code
 * `TRELLIS_PLUGIN_NOT_FOUND`.
 */
export class PluginNotFoundError extends TrellisError {
  /** The code of every `PluginNotFoundError`. */
  static readonly CODE = 'TRELLIS_PLUGIN_NOT_FOUND' satisfies CoreErrorCode;

  /** The name that was asked for. */
  readonly plugin: string;

  constructor(plugin: string, options: { readonly registered?: readonly string[] } = {}) {
    const known = options.registered ?? [];
    super(
      `Plugin '${plugin}' is not registered. Register it with manager.register() first` +
        (known.length > 0 && known.length <= 20
          ? ` (registered: ${known.map((name) => `'${name}'`).join(', ')}).`
          : '.'),
      { code: PluginNotFoundError.CODE },
    );
    this.plugin = plugin;
  }
}
