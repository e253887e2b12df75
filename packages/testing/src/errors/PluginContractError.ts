import { TrellisError } from '@trellis/core';
import type { ContractCheckResult } from '../contract/ContractCheckResult.js';

/**
 * A plugin failed one or more checks of {@link pluginContract}; `failures` lists each with its reason.
 * Code `TRELLIS_PLUGIN_CONTRACT`.
 */
export class PluginContractError extends TrellisError {
  /** The code of every `PluginContractError`. */
  static readonly CODE = 'TRELLIS_PLUGIN_CONTRACT';

  /** The plugin checked. */
  readonly plugin: string;
  /** The checks that failed. */
  readonly failures: readonly ContractCheckResult[];

  constructor(plugin: string, failures: readonly ContractCheckResult[]) {
    const lines = failures.map((failure) => `  - ${failure.check}: ${failure.reason ?? 'failed'}`);
    super(
      `plugin '${plugin}' failed ${failures.length} contract check(s):\n${lines.join('\n')}\n` +
        'Fix each check named above; docs/testing.md explains what every check expects.',
      { code: PluginContractError.CODE },
    );
    this.plugin = plugin;
    this.failures = failures;
  }
}
