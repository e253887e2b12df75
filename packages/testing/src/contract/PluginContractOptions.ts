import type { PluginClass, PluginManagerOptions } from '@trellis/core';
import type { ContractCheckName } from './CONTRACT_CHECKS.js';

/** Options of {@link pluginContract}. */
export interface PluginContractOptions {
  /** The plugin's own config section. */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Plugins it needs (its dependencies, the providers of what it injects), registered first. */
  readonly plugins?: readonly PluginClass[];
  /** Any other manager option (config sections of the other plugins, container, timeouts…). */
  readonly managerOptions?: Omit<PluginManagerOptions, 'logger'>;
  /** How long `checkHealth` may take (ms); default the plugin's `healthCheckTimeout`, else 5 000. */
  readonly healthCheckTimeout?: number;
  /** Checks to leave out, by name. */
  readonly skip?: readonly ContractCheckName[];
}
