import type { HealthCheck } from './HealthCheck.js';

/** Whether a plugin instance is a health check (has a `checkHealth` method). Never throws. */
export function isHealthCheck(instance: unknown): instance is HealthCheck {
  try {
    return typeof (instance as Partial<HealthCheck> | undefined)?.checkHealth === 'function';
  } catch {
    return false;
  }
}
