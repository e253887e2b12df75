/**
 * The notify points the manager dispatches as plugins move through their lifecycle. Plugin events
 * carry a {@link PluginLifecycleEvent}; the app events carry an {@link AppLifecycleEvent}.
 */
export const LIFECYCLE_EVENTS = Object.freeze({
  registered: 'trellis.plugin.registered',
  loaded: 'trellis.plugin.loaded',
  started: 'trellis.plugin.started',
  stopped: 'trellis.plugin.stopped',
  unloaded: 'trellis.plugin.unloaded',
  error: 'trellis.plugin.error',
  startup: 'trellis.app.startup',
  /** When `stop()` begins, before any plugin stops (readiness turns false here). */
  stopping: 'trellis.app.stopping',
  shutdown: 'trellis.app.shutdown',
} as const);

/** Payload of the `trellis.plugin.*` lifecycle events. */
export interface PluginLifecycleEvent {
  /** The plugin concerned. */
  readonly pluginName: string;
  /** Its version. */
  readonly version: string;
  /** For `trellis.plugin.error`: what went wrong. */
  readonly error?: Error;
}

/** Payload of `trellis.app.startup`, `trellis.app.stopping` and `trellis.app.shutdown`. */
export interface AppLifecycleEvent {
  /** The host's Trellis version. */
  readonly version: string;
  /** The plugins started (startup), about to stop (stopping) or stopped (shutdown), in order. */
  readonly plugins: readonly string[];
  /** The plugins that failed during the operation. */
  readonly failed: readonly string[];
}
