import type { ExtensionRegistry, HandlerStats } from '@trellis/core';

/** One handler of an extension point with its figures (zeros while hook statistics are off). */
export interface HandlerView {
  readonly plugin: string | null;
  readonly name: string;
  readonly pattern: string;
  readonly priority: number;
  readonly enabled: boolean;
  readonly calls: number;
  readonly errors: number;
  readonly meanMs: number;
  readonly maxMs: number;
}

/** One extension point as `GET /admin/api/extension-points` lists it. */
export interface ExtensionPointView {
  readonly name: string;
  readonly kind: string | null;
  readonly description: string | null;
  readonly wildcard: boolean;
  readonly handlers: HandlerView[];
}

const statsKey = (pattern: string, plugin: string | undefined, handler: string): string =>
  `${pattern}\u0000${plugin ?? ''}\u0000${handler}`;

/** `registry.describe()` joined with `registry.stats()`, as JSON-safe data. */
export function extensionPointsOf(registry: ExtensionRegistry): ExtensionPointView[] {
  const stats = new Map<string, HandlerStats>();
  for (const entry of registry.stats()) stats.set(statsKey(entry.event, entry.plugin, entry.handler), entry);
  return registry.describe().map((point) => ({
    name: point.name,
    kind: point.kind ?? null,
    description: point.description ?? null,
    wildcard: point.wildcard,
    handlers: point.handlers.map((handler) => {
      const figures = stats.get(statsKey(handler.pattern, handler.plugin, handler.name));
      const calls = figures?.calls ?? 0;
      return {
        plugin: handler.plugin ?? null,
        name: handler.name,
        pattern: handler.pattern,
        priority: handler.priority,
        enabled: handler.enabled,
        calls,
        errors: figures?.errors ?? 0,
        meanMs: calls > 0 && figures ? figures.totalMs / calls : 0,
        maxMs: figures?.maxMs ?? 0,
      };
    }),
  }));
}
