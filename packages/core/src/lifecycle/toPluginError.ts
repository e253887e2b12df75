import { TrellisError } from '@trellis/extensions';
import { PluginLoadError } from '../errors/PluginLoadError.js';

/** A failure of a lifecycle method: Trellis errors as they are, anything else as `PluginLoadError`. */
export function toPluginError(
  plugin: string,
  error: unknown,
  phase: 'initialize' | 'start' | 'stop',
): TrellisError {
  return TrellisError.is(error) ? error : new PluginLoadError({ plugin, phase, cause: error });
}
