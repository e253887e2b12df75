import { TrellisError } from '@trellis/extensions';
import type { CoreErrorCode } from './CoreErrorCode.js';

/** Options of {@link PluginStateError}. */
export interface PluginStateErrorOptions {
  /** The plugin concerned. */
  readonly plugin: string;
  /** The state it is in. */
  readonly from: string;
  /** The state the lifecycle tried to move it to. */
  readonly to: string;
}

/**
 * Internal error: the lifecycle tried a move the plugin state machine does not allow. It means a
 * bug in Trellis, not in the plugin. Code `TRELLIS_PLUGIN_STATE`.
 */
export class PluginStateError extends TrellisError {
  /** The code of every `PluginStateError`. */
  static readonly CODE = 'TRELLIS_PLUGIN_STATE' satisfies CoreErrorCode;

  /** The plugin concerned. */
  readonly plugin: string;
  /** The state it was in. */
  readonly from: string;
  /** The state that was refused. */
  readonly to: string;

  constructor(options: PluginStateErrorOptions) {
    super(
      `Internal error: plugin '${options.plugin}' cannot go from '${options.from}' to '${options.to}' ` +
        `(transition ${options.from} -> ${options.to} is not allowed). This is a bug in Trellis: ` +
        `please report it with the calls that led to it.`,
      { code: PluginStateError.CODE },
    );
    this.plugin = options.plugin;
    this.from = options.from;
    this.to = options.to;
  }
}
