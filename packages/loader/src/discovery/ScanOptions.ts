/** Options of {@link scanDirectory} (and of `manager.discoverPlugins`). */
export interface ScanOptions {
  /**
   * minimatch pattern(s) for plugin modules. A pattern without `/` is matched against the file
   * name, one with `/` against the path relative to the root. Default {@link defaultPluginPattern}.
   */
  readonly pattern?: string | readonly string[] | undefined;
  /** Descend into sub-folders (not into `node_modules` or dot-folders). Default `true`. */
  readonly recursive?: boolean | undefined;
  /** Follow symbolic links that lead outside the root. Default `false`: they are skipped. */
  readonly followSymlinks?: boolean | undefined;
}
