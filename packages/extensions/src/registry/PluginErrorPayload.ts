import type { HookError } from '../errors/HookError.js';

/** Payload of {@link PLUGIN_ERROR_EVENT} notifications raised by the registry. */
export interface PluginErrorPayload {
  /** The owner of the failing handler, or `undefined`. */
  readonly pluginName: string | undefined;
  /** The concrete event whose handler failed. */
  readonly event: string;
  /** The failure. */
  readonly error: HookError;
}
