import { TrellisError } from '@trellis/extensions';
import { PluginDiscoveryError } from '../errors/PluginDiscoveryError.js';

/** Wraps a loader failure (or anything thrown) as a `PluginDiscoveryError` naming the path. Internal. */
export function toDiscoveryError(error: unknown, path: string, context: string): PluginDiscoveryError {
  if (error instanceof PluginDiscoveryError) return error;
  let detail: string;
  try {
    detail = error instanceof Error ? error.message : String(error);
  } catch {
    detail = 'an unprintable error';
  }
  const message = TrellisError.is(error) ? detail : `'${path}': ${detail}`;
  return new PluginDiscoveryError(`${context}: ${message}`, { path, cause: error });
}
