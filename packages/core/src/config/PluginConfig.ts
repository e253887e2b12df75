/** The keys of a typed config; none for an untyped one (`Record<string, unknown>`). */
type KnownKey<TValues> = string extends keyof TValues ? never : keyof TValues & string;

/**
 * Read access to a plugin's validated config section (defaults applied). `ctx.config` and the
 * value injected for `TOKENS.Config` are the same accessor. Typed by the plugin's schema (see
 * `ConfigOf`): `get('maxEntries')` is `number | undefined` for `{ maxEntries: { type: 'integer' } }`,
 * `number` when the key is required or has a default. Other keys (and dotted paths into objects)
 * read as `unknown`.
 *
 * @example
 * ```ts
 * const greeting = ctx.config.get('greeting', 'Welcome');
 * ```
 */
export interface PluginConfig<TValues extends object = Record<string, unknown>> {
  /** The value of a declared key. */
  get<K extends KnownKey<TValues>>(key: K): TValues[K];
  /** The value of a declared key, or `defaultValue` when it has none. */
  get<K extends KnownKey<TValues>>(
    key: K,
    defaultValue: Exclude<TValues[K], undefined>,
  ): Exclude<TValues[K], undefined>;
  /** The value at `key` (a dotted path reaches into objects), or `undefined`. */
  get(key: string): unknown;
  /** The value at `key` (a dotted path reaches into objects), or `defaultValue` when absent. */
  get<T>(key: string, defaultValue: T): T;
  /** Whether `key` has a value. */
  has(key: string): boolean;
  /** The whole effective section (a frozen copy). */
  all(): Readonly<TValues>;
}
