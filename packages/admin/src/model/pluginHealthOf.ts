import type { PluginStatus } from '@trellis/core';
import type { AdminSources } from './AdminSources.js';
import type { PluginHealth } from './HealthResult.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const isHealth = (value: unknown): value is PluginHealth =>
  isRecord(value) &&
  (value.status === 'healthy' || value.status === 'degraded' || value.status === 'unhealthy');

/** Finds one plugin's result in a health report, whatever collection it is kept in. */
function findResult(report: unknown, name: string): PluginHealth | undefined {
  if (!isRecord(report)) return undefined;
  for (const key of ['plugins', 'results', 'checks']) {
    const collection = report[key];
    if (collection instanceof Map) {
      const found: unknown = collection.get(name);
      if (isHealth(found)) return found;
    } else if (Array.isArray(collection)) {
      const found: unknown = collection.find(
        (entry: unknown) => isRecord(entry) && (entry.plugin === name || entry.name === name),
      );
      if (isHealth(found)) return found;
    } else if (isRecord(collection) && Object.hasOwn(collection, name)) {
      const found = collection[name];
      if (isHealth(found)) return found;
    }
  }
  return undefined;
}

/** A plugin without a health check is judged by its state. */
function fromState(row: PluginStatus): PluginHealth {
  if (row.state === 'failed') {
    return { status: 'unhealthy', message: row.lastError?.message ?? 'the plugin failed' };
  }
  if (row.state === 'started' || row.state === 'disabled' || !row.enabled) {
    return { status: 'healthy', message: `no health check; the plugin is ${row.state}` };
  }
  return { status: 'degraded', message: `no health check; the plugin is ${row.state}` };
}

/** One plugin's health: its check's result when the health service has one, else from its state. */
export async function pluginHealthOf(sources: AdminSources, row: PluginStatus): Promise<PluginHealth> {
  const health = sources.health();
  if (health !== undefined) {
    try {
      const found =
        health.checkPlugin === undefined
          ? findResult(await health.check(), row.name)
          : ((await health.checkPlugin(row.name)) as PluginHealth | undefined);
      if (found !== undefined) return found;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { status: 'unhealthy', message: `the health service failed: ${message}` };
    }
  }
  return fromState(row);
}
