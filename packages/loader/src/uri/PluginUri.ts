/** A parsed plugin URI: `specifier#export`. */
export interface PluginUri {
  /** The URI as written. */
  readonly uri: string;
  /** A relative path (`./plugins/auth.js`), an absolute path, a `file:` URL or a package specifier. */
  readonly specifier: string;
  /** The export after `#`; `undefined` means the module namespace itself. */
  readonly exportName: string | undefined;
}
