/** A route a plugin declares in its manifest (for documentation, the admin API and permissions). */
export interface ManifestRoute {
  readonly method: string;
  readonly path: string;
  readonly description?: string;
}

/** The content of a `plugin.json`, as `schema/plugin.schema.json` describes it. */
export interface PluginManifest {
  /** Unique plugin name: `/^[A-Za-z0-9][A-Za-z0-9._-]*$/`. */
  readonly name: string;
  /** Semantic version. */
  readonly version: string;
  readonly title?: string;
  readonly description?: string;
  readonly author?: string | { readonly name: string; readonly email?: string; readonly url?: string };
  readonly license?: string;
  readonly category?: string;
  readonly tags?: readonly string[];
  /** The module to import, relative to the folder; default `index.js`. Cannot leave the folder. */
  readonly main?: string;
  /** The export of `main` holding the plugin; default `default`. */
  readonly export?: string;
  /** Host versions supported: `{ trellis: '^1.0.0' }`. */
  readonly engines?: Readonly<Record<string, string>>;
  /** Plugins needed: names to semver ranges, or a list of names (any version). */
  readonly dependencies?: Readonly<Record<string, string>> | readonly string[];
  /** Plugins ordered before this one when present. */
  readonly optionalDependencies?: Readonly<Record<string, string>> | readonly string[];
  /** Permissions requested (section "Isolation and permissions" of the design). */
  readonly permissions?: readonly string[];
  /** Schema of the plugin's config section (the same form as `@plugin({ config })`). */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Events the plugin publishes and subscribes to. */
  readonly events?: { readonly publishes?: readonly string[]; readonly subscribes?: readonly string[] };
  /** HTTP routes the plugin serves. */
  readonly routes?: readonly ManifestRoute[];
  /** Where the plugin runs: `none` (default), `worker` or `process`. */
  readonly isolation?: 'none' | 'worker' | 'process';
  /** Resource limits of an isolated plugin. */
  readonly limits?: { readonly memoryMb?: number; readonly stackMb?: number };
  /** Restart budget of an isolated plugin. */
  readonly restart?: { readonly maxRestarts?: number; readonly windowMs?: number };
}

/** A manifest read from its folder, with the paths it resolves to. */
export interface ManifestInfo {
  /** The plugin folder (absolute). */
  readonly dir: string;
  /** The `plugin.json` file (absolute). */
  readonly file: string;
  /** The validated manifest. */
  readonly manifest: PluginManifest;
  /** The module to import (absolute, inside `dir`). */
  readonly mainPath: string;
  /** The export of `mainPath` holding the plugin. */
  readonly exportName: string;
}
