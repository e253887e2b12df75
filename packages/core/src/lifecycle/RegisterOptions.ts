/** Options of `register()`. */
export interface RegisterOptions {
  /** Replace a plugin registered under the same name by another class. */
  readonly replace?: boolean;
}
