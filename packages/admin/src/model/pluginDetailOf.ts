import type { PluginManager, PluginStatus } from '@trellis/core';
import { PluginNotFoundError } from '@trellis/core';
import { extensionPointsOf } from './extensionPointsOf.js';
import type { HandlerView } from './extensionPointsOf.js';

/** `GET /admin/api/plugins/:name`: the status row, dependents and the plugin's hooks. */
export interface PluginDetail extends PluginStatus {
  readonly dependents: string[];
  readonly hooks: (HandlerView & { readonly event: string })[];
}

/** Finds a plugin's status row; throws `PluginNotFoundError` for an unknown name. */
export function statusOf(manager: PluginManager, name: string): PluginStatus {
  const row = manager.status().find((entry) => entry.name === name);
  if (row === undefined) throw new PluginNotFoundError(name);
  return row;
}

/** Builds the detail view of one plugin. */
export function pluginDetailOf(manager: PluginManager, name: string): PluginDetail {
  const row = statusOf(manager, name);
  const dependents = [
    ...new Set(
      manager
        .graph()
        .edges.filter((edge) => edge.to === name)
        .map((edge) => edge.from),
    ),
  ];
  // Each handler once: under the name or pattern it was registered with.
  const hooks = extensionPointsOf(manager.extensions).flatMap((point) =>
    point.handlers
      .filter((handler) => handler.plugin === name && handler.pattern === point.name)
      .map((handler) => ({ event: point.name, ...handler })),
  );
  return { ...row, dependents, hooks };
}
