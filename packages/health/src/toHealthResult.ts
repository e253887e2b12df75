import { describeThrown } from './describeThrown.js';
import type { HealthResult, HealthStatus } from './HealthResult.js';

const STATUSES: ReadonlySet<unknown> = new Set<HealthStatus>(['healthy', 'degraded', 'unhealthy']);

/**
 * The `HealthResult` a check returned, copied into a plain object, or a string saying what is wrong
 * with it. Never throws (getters of a foreign object that throw make it invalid).
 */
export function toHealthResult(value: unknown): HealthResult | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const shown = typeof value === 'string' ? JSON.stringify(value) : describeThrown(value);
    return `returned ${shown}, not an object`;
  }
  try {
    const { status, message, details } = value as Record<string, unknown>;
    if (!STATUSES.has(status)) {
      return `returned status ${describeThrown(typeof status === 'string' ? JSON.stringify(status) : status)}`;
    }
    const result: { status: HealthStatus; message?: string; details?: Record<string, unknown> } = {
      status: status as HealthStatus,
    };
    if (message !== undefined)
      result.message = typeof message === 'string' ? message : describeThrown(message);
    if (typeof details === 'object' && details !== null && !Array.isArray(details)) {
      result.details = details as Record<string, unknown>;
    }
    return result;
  } catch (error) {
    return `returned an object that cannot be read (${describeThrown(error)})`;
  }
}
