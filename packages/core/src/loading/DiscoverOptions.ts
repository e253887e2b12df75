import type { ScanOptions } from '@trellis/loader';
import type { PluginDiscoveryError } from '../errors/PluginDiscoveryError.js';

/** Options of `manager.discoverPlugins(dir, options)`. */
export interface DiscoverOptions extends ScanOptions {
  /**
   * Receives each module or folder that was skipped (it failed to import, exports no plugin, or has an
   * invalid manifest), as a `PluginDiscoveryError` naming its path. They are also logged as warnings.
   */
  readonly onError?: ((error: PluginDiscoveryError) => void) | undefined;
}
