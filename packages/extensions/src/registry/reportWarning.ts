import type { HookLogger } from './HookLogger.js';
import type { RegistryWarning } from './RegistryWarning.js';

/** Hands `warning` to the host's `onWarning`; a failure of it is logged, never thrown into a dispatch. */
export function reportWarning(
  onWarning: ((warning: RegistryWarning) => void) | undefined,
  warning: RegistryWarning,
  logger: HookLogger,
): void {
  if (onWarning === undefined) return;
  try {
    onWarning(warning);
  } catch (error) {
    logger.warn(
      { event: warning.event, plugin: warning.plugin, err: error },
      'The onWarning option threw; ignored.',
    );
  }
}
