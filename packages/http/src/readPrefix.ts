import { getPluginOptions, type PluginManager } from '@trellis/core';

const prefixIn = (value: unknown): unknown => {
  if (typeof value !== 'object' || value === null) return undefined;
  const http = (value as { http?: unknown }).http;
  return typeof http === 'object' && http !== null ? (http as { prefix?: unknown }).prefix : undefined;
};

/**
 * The `http.prefix` a routes plugin asks for: from its config section (set by the host) first, then
 * from its `@plugin` options; `undefined` when neither sets one. Never throws.
 */
export function readPrefix(
  manager: Pick<PluginManager, 'status'>,
  plugin: string,
  instance: object,
): unknown {
  try {
    const fromConfig = prefixIn(manager.status().find((row) => row.name === plugin)?.config);
    if (fromConfig !== undefined) return fromConfig;
    return prefixIn(getPluginOptions(instance.constructor));
  } catch {
    return undefined;
  }
}
