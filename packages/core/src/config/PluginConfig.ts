/**
 * Read access to a plugin's validated config section (defaults applied). `ctx.config` and the
 * value injected for `TOKENS.Config` are the same accessor.
 *
 * @example
 * ```ts
 * const greeting = ctx.config.get('greeting', 'Welcome');
 * ```
 */
export interface PluginConfig {
  /** The value at `key` (a dotted path reaches into objects), or `undefined`. */
  get(key: string): unknown;
  /** The value at `key` (a dotted path reaches into objects), or `defaultValue` when absent. */
  get<T>(key: string, defaultValue: T): T;
  /** Whether `key` has a value. */
  has(key: string): boolean;
  /** The whole effective section (a frozen copy). */
  all(): Readonly<Record<string, unknown>>;
}
