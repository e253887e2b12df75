import type { TrellisError } from '@trellis/extensions';

/** One plugin that failed, with the error explaining why. */
export interface PluginFailure {
  /** The plugin. */
  readonly name: string;
  /** `DependencyError`, `ConfigValidationError`, `LifecycleTimeoutError`, or `PluginLoadError` (its `cause` is the plugin's own exception). */
  readonly error: TrellisError;
}

/** What `loadAll()` did; names are in dependency order. */
export interface LoadReport {
  /** Plugins loaded (including those that already were). */
  readonly loaded: string[];
  /** Plugins that failed, with their errors. */
  readonly failed: PluginFailure[];
  /** Disabled plugins, not loaded. */
  readonly skipped: string[];
}

/** What `start()` did; names are in dependency order; `failed` includes load failures. */
export interface StartReport {
  /** Plugins started (including those that already were). */
  readonly started: string[];
  /** Plugins that failed, with their errors. */
  readonly failed: PluginFailure[];
  /** Disabled plugins, not started. */
  readonly skipped: string[];
  /** How long the call took, in milliseconds. */
  readonly durationMs: number;
}

/** What `stop()` did, in stop order (the reverse of start order). */
export interface StopReport {
  /** Plugins stopped (a plugin whose `stop()` failed is in `failed` instead). */
  readonly stopped: string[];
  /** Plugins whose `stop()` threw or timed out. */
  readonly failed: PluginFailure[];
  /** How long the call took, in milliseconds. */
  readonly durationMs: number;
}

/** What `reload(name)` did. */
export interface ReloadReport {
  /** The plugin and its dependents that are back in their previous state, in dependency order. */
  readonly reloaded: string[];
  /** Dependents that could not be brought back, with their errors. */
  readonly failed: PluginFailure[];
}
