import type { FileReloadReport } from './FileReloadReport.js';

/** Options of `manager.watch()`. */
export interface WatchOptions {
  /** Quiet time after the last change before reloading: a burst of saves is one reload. Default 100 ms. */
  readonly debounceMs?: number | undefined;
  /**
   * The host's config file. An edit is read and validated whole before anything is touched; then the
   * plugin config sections that changed are applied (`configure`) and those plugins reloaded. Other
   * keys need a restart. An invalid edit is reported and changes nothing.
   */
  readonly configFile?: string | undefined;
  /** Variables for `${VAR}` in the config file (default `process.env`; `createHost` passes its own). */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
  /** Config sections given in code, which win over the file's per key (`createHost` passes them). */
  readonly config?: Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined;
  /** Receives every reload or validation failure (they are also logged). */
  readonly onError?: ((error: unknown, plugin: string | undefined) => void) | undefined;
  /** Receives every reload that completed. */
  readonly onReload?: ((plugin: string, report: FileReloadReport) => void) | undefined;
}

/** A running `manager.watch()`. */
export interface PluginWatcher {
  /** Resolves once the watcher is ready: edits after that are picked up. */
  readonly ready: Promise<void>;
  /** Stops watching (`manager.close()` does too). */
  close(): Promise<void>;
}
