/**
 * Something the host should know about that does not fail anything (an unknown config key, an async
 * handler skipped by a synchronous dispatch…). Delivered to the manager's `onWarning` option and
 * logged; with the manager option `strict: true` the same situations are errors instead.
 *
 * @example
 * ```ts
 * new PluginManager({ onWarning: (warning) => warnings.push(warning) });
 * ```
 */
export interface TrellisWarning {
  /** Stable code, e.g. `TRELLIS_CONFIG_UNKNOWN_KEY`. */
  readonly code: string;
  /** What happened and how to fix it. */
  readonly message: string;
  /** The plugin concerned, when there is one. */
  readonly plugin?: string;
  /** The event concerned, when there is one. */
  readonly event?: string;
}
