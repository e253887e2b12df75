/** What {@link scanDirectory} found, every path absolute and in a stable (sorted, depth-first) order. */
export interface ScanResult {
  /** The root, resolved (symbolic links included). */
  readonly root: string;
  /** Modules matching the pattern, outside plugin folders. */
  readonly modules: readonly string[];
  /** Sub-folders holding a `plugin.json`: each is one plugin; nothing inside is matched. */
  readonly folders: readonly string[];
  /** Entries left out, with the reason (a symbolic link out of the root, a broken link). */
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
}
