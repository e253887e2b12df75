import type { PluginStatus } from '@trellis/core';
import type { AdminSources } from './AdminSources.js';

/** The readiness answer: from the health service when installed, else from plugin states. */
export interface Readiness {
  readonly status: 'ready' | 'not-ready';
  readonly reasons: readonly string[];
  readonly [key: string]: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Readiness without a health service: every enabled plugin is started and the host is not stopping. */
function fromStates(rows: readonly PluginStatus[]): Readiness {
  const reasons = rows
    .filter((row) => row.enabled && row.state !== 'started')
    .map((row) => `plugin '${row.name}' is ${row.state}`);
  return { status: reasons.length === 0 ? 'ready' : 'not-ready', reasons };
}

/** Computes readiness; never throws (a failing health service makes the host not ready). */
export async function readinessOf(sources: AdminSources): Promise<Readiness> {
  if (sources.stopping()) return { status: 'not-ready', reasons: ['the host is shutting down'] };
  const health = sources.health();
  if (health === undefined) return fromStates(sources.manager.status());
  try {
    const answer: unknown = await health.readiness();
    if (isRecord(answer) && (answer.status === 'ready' || answer.status === 'not-ready')) {
      const reasons = Array.isArray(answer.reasons) ? answer.reasons.map(String) : [];
      return { ...answer, status: answer.status, reasons };
    }
    return { status: 'not-ready', reasons: ['the health service gave no readiness answer'] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'not-ready', reasons: [`the health service failed: ${message}`] };
  }
}
