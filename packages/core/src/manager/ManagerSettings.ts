import { ValidationError } from '@trellis/extensions';
import type { PluginFailureMode } from '../lifecycle/PluginFailureMode.js';
import type { PluginManagerOptions } from './PluginManagerOptions.js';

/** The manager's options, checked and with defaults applied. Internal. */
export interface ManagerSettings {
  readonly config: Readonly<Record<string, unknown>>;
  readonly validateMetadata: boolean;
  readonly lifecycleTimeout: number;
  readonly failureMode: PluginFailureMode;
}

const FAILURE_MODES: readonly PluginFailureMode[] = ['isolate', 'abort'];

function checkPositive(name: string, value: unknown, allowUndefined: boolean): void {
  if (value === undefined && allowUndefined) return;
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) {
    throw new ValidationError(
      `Invalid option ${name}: ${String(value)}. Use a positive number of milliseconds` +
        (name === 'lifecycleTimeout' ? ` (or Infinity for no limit).` : '.'),
    );
  }
}

/** Checks the options the registry does not check itself; throws `ValidationError`. */
export function resolveManagerSettings(options: PluginManagerOptions): ManagerSettings {
  const failureMode = options.onPluginFailure ?? 'isolate';
  if (!FAILURE_MODES.includes(failureMode)) {
    throw new ValidationError(
      `Invalid option onPluginFailure: ${JSON.stringify(failureMode)}. Use 'isolate' or 'abort'.`,
    );
  }
  checkPositive('lifecycleTimeout', options.lifecycleTimeout ?? 30_000, false);
  checkPositive('hookTimeout', options.hookTimeout, true);
  return {
    failureMode,
    lifecycleTimeout: options.lifecycleTimeout ?? 30_000,
    validateMetadata: options.validateMetadata ?? true,
    config: options.config ?? {},
  };
}
