import type { ManifestInfo } from '@trellis/loader';

/** Where a plugin registered from a file came from, so `reload` and `watch` can import it again. Internal. */
export interface PluginSource {
  /** The module holding the plugin (absolute). */
  readonly file: string;
  /** The export holding the plugin class. */
  readonly exportName: string;
  /** The plugin folder, when the plugin came from a `plugin.json` folder. */
  readonly manifestDir: string | undefined;
  /** How it was found. */
  readonly origin: 'directory' | 'manifest' | 'package' | 'uri';
  /** The manifest read at discovery, for a plugin folder. */
  readonly manifest: ManifestInfo | undefined;
}
