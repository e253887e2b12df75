import type { PluginManager } from '@trellis/core';
import type { StatusCache } from './StatusCache.js';

/** What the admin needs of a health service (the `HEALTH` token of `@trellis/health`). */
export interface HealthSource {
  check(): unknown;
  checkPlugin?(name: string): unknown;
  readiness(): unknown;
}

/** What the admin needs of a metrics service (the `METRICS` token of `@trellis/metrics`). */
export interface MetricsSource {
  metrics(): string | Promise<string>;
  readonly contentType: string;
}

/** Everything the admin routes read from; services are looked up per request (they may come and go). */
export interface AdminSources {
  readonly manager: PluginManager;
  /** The health service, when one is installed. */
  readonly health: () => HealthSource | undefined;
  /** The metrics service, when one is installed. */
  readonly metrics: () => MetricsSource | undefined;
  /** True from the moment the host begins to stop. */
  readonly stopping: () => boolean;
  /** The serialised plugin list, invalidated on every change the admin hears of. */
  readonly statusCache: StatusCache;
  /** Plugins the admin itself runs on (reloading them through the admin is refused). */
  readonly protectedPlugins: () => readonly string[];
}
