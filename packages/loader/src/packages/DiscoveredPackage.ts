/** An installed dependency of the host that declares Trellis plugins. */
export interface DiscoveredPackage {
  /** The package name, as in the host's dependencies. */
  readonly name: string;
  /** Its installed version. */
  readonly version: string | undefined;
  /** Its folder (absolute). */
  readonly dir: string;
  /** The plugin modules its `"trellis": { "plugins": [...] }` field lists (absolute, inside `dir`). */
  readonly plugins: readonly string[];
}
