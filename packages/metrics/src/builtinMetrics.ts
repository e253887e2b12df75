import type { ExtensionRegistry, PluginManager, PluginState } from '@trellis/core';
import { SnapshotMetric, type SnapshotValue } from './SnapshotMetric.js';

const STATES: readonly PluginState[] = [
  'registered',
  'loading',
  'loaded',
  'starting',
  'started',
  'stopping',
  'stopped',
  'unloaded',
  'failed',
  'disabled',
];

/** What the built-in metrics read at scrape time. */
export interface BuiltinSources {
  readonly manager: Pick<PluginManager, 'getAllPlugins' | 'status' | 'permissions'>;
  readonly registry: Pick<ExtensionRegistry, 'stats'>;
  /** Plugin name → collect failures so far. */
  readonly collectErrors: ReadonlyMap<string, number>;
}

interface HookFigures {
  readonly labels: { readonly event: string; readonly plugin: string };
  calls: number;
  errors: number;
  seconds: number;
}

/**
 * The built-in metrics of section 6, all read at scrape time: hook figures from the extension
 * registry's statistics (nothing is timed again per call), plugin states and lifecycle durations
 * from the manager, the count of failed `collectMetrics()` calls, and permission denials.
 */
export function builtinMetrics(sources: BuiltinSources): SnapshotMetric[] {
  // The hook metrics share one read of the statistics per scrape (read by the first of the three).
  let hooks: HookFigures[] = [];
  const readHooks = (): HookFigures[] => {
    const byKey = new Map<string, HookFigures>();
    for (const stat of sources.registry.stats()) {
      const plugin = stat.plugin ?? '';
      const key = `${stat.event}\u0000${plugin}`;
      let figures = byKey.get(key);
      if (figures === undefined) {
        figures = { labels: { event: stat.event, plugin }, calls: 0, errors: 0, seconds: 0 };
        byKey.set(key, figures);
      }
      figures.calls += stat.calls;
      figures.errors += stat.errors;
      figures.seconds += stat.totalMs / 1000;
    }
    hooks = [...byKey.values()];
    return hooks;
  };
  const calls = new SnapshotMetric({
    name: 'trellis_hook_calls_total',
    help: 'Hook handler runs, by event (as registered) and owning plugin',
    type: 'counter',
    read: () => readHooks().map(({ labels, calls: value }) => ({ labels, value })),
  });
  const errors = new SnapshotMetric({
    name: 'trellis_hook_errors_total',
    help: 'Hook handler runs that failed or timed out, by event and owning plugin',
    type: 'counter',
    read: () => hooks.map(({ labels, errors: value }) => ({ labels, value })),
  });
  const duration = new SnapshotMetric({
    name: 'trellis_hook_duration_seconds',
    help: 'Time spent in hook handlers, by event and owning plugin',
    type: 'summary',
    read: () =>
      hooks.flatMap(({ labels, seconds, calls: count }): SnapshotValue[] => [
        { metricName: 'trellis_hook_duration_seconds_sum', labels, value: seconds },
        { metricName: 'trellis_hook_duration_seconds_count', labels, value: count },
      ]),
  });
  const state = new SnapshotMetric({
    name: 'trellis_plugin_state',
    help: 'Plugin state: 1 for the current state of each plugin, 0 for the others',
    type: 'gauge',
    read: () =>
      sources.manager.getAllPlugins().flatMap(({ name, state: current }) =>
        STATES.map((candidate) => ({
          labels: { plugin: name, state: candidate },
          value: candidate === current ? 1 : 0,
        })),
      ),
  });
  const lifecycle = new SnapshotMetric({
    name: 'trellis_lifecycle_duration_seconds',
    help: 'Time each plugin spent in each lifecycle phase, the last time it ran',
    type: 'gauge',
    read: () =>
      sources.manager.status().flatMap(({ name, timings }) =>
        Object.entries(timings).map(([phase, ms]) => ({
          labels: { plugin: name, phase },
          value: ms / 1000,
        })),
      ),
  });
  const collectErrors = new SnapshotMetric({
    name: 'trellis_metrics_collect_errors_total',
    help: 'collectMetrics() calls that threw, timed out or returned invalid values, by plugin',
    type: 'counter',
    read: () => [...sources.collectErrors].map(([plugin, value]) => ({ labels: { plugin }, value })),
  });
  const denials = new SnapshotMetric({
    name: 'trellis_permission_denials_total',
    help: 'Actions refused to a plugin for want of a permission, by plugin and permission',
    type: 'counter',
    read: () =>
      sources.manager.permissions.denials().map(({ plugin, permission, count }) => ({
        labels: { plugin, permission },
        value: count,
      })),
  });
  // `calls` must come first: it takes the statistics that `errors` and `duration` then show.
  return [calls, errors, duration, state, lifecycle, collectErrors, denials];
}
