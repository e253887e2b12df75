/** A folder to discover plugins in, with its scan options. */
export interface DirectoryConfig {
  readonly path: string;
  readonly pattern?: string | readonly string[];
  readonly recursive?: boolean;
  readonly followSymlinks?: boolean;
}

/** The `plugins` key of a config file: where plugins come from. */
export interface PluginsConfig {
  /** Folders scanned for plugin modules and plugin folders (relative to the host's folder). */
  readonly directories?: readonly (string | DirectoryConfig)[];
  /** `true`: every dependency declaring `"trellis": { "plugins" }`; `false`: none; a list: only those. */
  readonly packages?: boolean | readonly string[];
  /** Named, ordered URI lists. */
  readonly groups?: Readonly<Record<string, readonly string[]>>;
  /** When given, only these plugins are enabled. */
  readonly enabled?: readonly string[];
  /** Plugins registered but disabled (wins over `enabled`). */
  readonly disabled?: readonly string[];
}

/** The content of a `trellis.config.*` file (see `schema/trellis.config.schema.json`). */
export interface TrellisConfig {
  readonly plugins?: PluginsConfig;
  /** Config sections keyed by plugin name. */
  readonly config?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly errorStrategy?: 'log-and-continue' | 'fail-fast' | 'collect-all';
  readonly hookTimeout?: number;
  readonly lifecycleTimeout?: number;
  readonly onPluginFailure?: 'isolate' | 'abort';
  readonly strict?: boolean;
  readonly validateMetadata?: boolean;
  /** Permissions granted per plugin. */
  readonly grants?: Readonly<Record<string, readonly string[] | '*'>>;
  /** Watch plugin files and reload on change (`createHost`). */
  readonly watch?: boolean | { readonly debounceMs?: number };
  /** Keys added by other packages (declared through `loadConfig({ knownKeys })`). */
  readonly [key: string]: unknown;
}
