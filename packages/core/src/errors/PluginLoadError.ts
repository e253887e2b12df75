import { describeValue, TrellisError } from '@trellis/extensions';
import type { CoreErrorCode } from './CoreErrorCode.js';
import type { LifecyclePhase } from './LifecyclePhase.js';

/** Options of {@link PluginLoadError}. */
export interface PluginLoadErrorOptions {
  /** The plugin whose code failed. */
  readonly plugin: string;
  /** The phase in which it failed. */
  readonly phase: LifecyclePhase;
  /** What the plugin's code threw. */
  readonly cause: unknown;
}

const where: Readonly<Record<LifecyclePhase, string>> = {
  construct: 'its constructor (or an injected service) threw',
  initialize: 'initialize() failed',
  start: 'start() failed',
  stop: 'stop() failed',
  destroy: 'a @preDestroy method failed',
};

/**
 * The plugin's own code threw (or rejected) in a lifecycle phase; `cause` is the original error and
 * `phase` says where. Code `TRELLIS_PLUGIN_LOAD`.
 */
export class PluginLoadError extends TrellisError {
  /** The code of every `PluginLoadError`. */
  static readonly CODE = 'TRELLIS_PLUGIN_LOAD' satisfies CoreErrorCode;

  /** The plugin whose code failed. */
  readonly plugin: string;
  /** The phase in which it failed. */
  readonly phase: LifecyclePhase;

  constructor(options: PluginLoadErrorOptions) {
    super(
      `Plugin '${options.plugin}': ${where[options.phase]}: ${describeValue(options.cause)}. ` +
        `Fix the plugin's ${options.phase === 'construct' ? 'constructor or its injected services' : `${options.phase} code`}; ` +
        `see 'cause' for the original error.`,
      { code: PluginLoadError.CODE, cause: options.cause },
    );
    this.plugin = options.plugin;
    this.phase = options.phase;
  }
}
