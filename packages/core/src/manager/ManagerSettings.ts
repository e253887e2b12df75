import { ValidationError } from '@trellis/extensions';
import type { PluginFailureMode } from '../lifecycle/PluginFailureMode.js';
import type { PluginManagerOptions } from './PluginManagerOptions.js';

/** The manager's options, checked and with defaults applied. Internal. */
export interface ManagerSettings {
  readonly config: Readonly<Record<string, unknown>>;
  readonly validateMetadata: boolean;
  readonly lifecycleTimeout: number;
  readonly failureMode: PluginFailureMode;
  readonly strict: boolean;
}

const FAILURE_MODES: readonly PluginFailureMode[] = ['isolate', 'abort'];

/** The longest delay a timer can hold (2^31 − 1 ms): Node fires longer ones after 1 ms. */
const MAX_TIMEOUT = 2_147_483_647;

/** A time limit: a positive number of ms up to {@link MAX_TIMEOUT}, or `Infinity` for none. */
function checkTimeout(name: string, value: unknown, allowUndefined: boolean): void {
  if (value === undefined && allowUndefined) return;
  if (value === Infinity) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_TIMEOUT) {
    const shown =
      typeof value === 'number'
        ? String(value)
        : typeof value === 'string'
          ? JSON.stringify(value)
          : typeof value;
    throw new ValidationError(
      `Invalid option ${name}: ${shown}. Use a positive number of milliseconds up to ${MAX_TIMEOUT} ` +
        `(about 24.8 days), or Infinity for no limit.`,
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
  checkTimeout('lifecycleTimeout', options.lifecycleTimeout ?? 30_000, false);
  checkTimeout('hookTimeout', options.hookTimeout, true);
  if (options.strict !== undefined && typeof options.strict !== 'boolean') {
    throw new ValidationError(`Invalid option strict: ${String(options.strict)}. Use true or false.`);
  }
  if (options.onWarning !== undefined && typeof options.onWarning !== 'function') {
    throw new ValidationError(`Invalid option onWarning: use a function (warning) => void.`);
  }
  return {
    failureMode,
    lifecycleTimeout: options.lifecycleTimeout ?? 30_000,
    validateMetadata: options.validateMetadata ?? true,
    strict: options.strict ?? false,
    config: options.config ?? {},
  };
}
