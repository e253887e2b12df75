/** Where a plugin registered from a file came from, as `manager.getPluginSource(name)` reports it. */
export interface PluginSourceInfo {
  /** How it was found: a directory's module, a plugin folder's manifest, a package, or a URI group. */
  readonly origin: 'directory' | 'manifest' | 'package' | 'uri';
  /** The module holding the plugin (absolute path). */
  readonly file: string;
  /** The export holding the plugin class. */
  readonly exportName: string;
  /** The `plugin.json` it was described by, or `null`. */
  readonly manifest: string | null;
}
