import type { FastifyInstance } from 'fastify';

/** The holder a mounted feature reads its current plugin instance from. */
export interface Mounted<T> {
  /** The running instance, or `undefined` while the plugin is stopped. */
  current: T | undefined;
}

/**
 * Fastify routes and hooks can only be added before the server listens, but a plugin may be
 * reloaded while it serves. So a plugin mounts its routes once, the first time it initialises, and
 * they call whatever instance is current; a reload only swaps the instance behind them.
 */
export function mountOnce<T>(
  server: FastifyInstance,
  key: string,
  mount: (feature: Mounted<T>) => void,
): Mounted<T> {
  const slot = Symbol.for(`trellis.demo.${key}`);
  const store = server as unknown as Record<symbol, Mounted<T> | undefined>;
  const existing = store[slot];
  if (existing !== undefined) return existing;
  const feature: Mounted<T> = { current: undefined };
  Object.defineProperty(server, slot, { value: feature, enumerable: false });
  mount(feature);
  return feature;
}
