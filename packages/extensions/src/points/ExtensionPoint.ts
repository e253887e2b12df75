/** The four dispatch kinds of an extension point. */
export type PointKind = 'filter' | 'notify' | 'collect' | 'middleware';

/**
 * How a point runs: `'sync'` points take synchronous handlers only (an `async` one is refused at
 * registration); `'async'` points are dispatched with the `…Async` API (or `run`) only.
 */
export type PointMode = 'sync' | 'async';

/**
 * A typed extension point: a name plus the dispatch kind and the types that flow through it. The
 * type parameters exist only at compile time; at run time a point is a frozen `{ name, kind,
 * description }` object.
 */
export interface ExtensionPoint<TKind extends PointKind, TIn, TOut> {
  /** The event name (dot-separated segments, no wildcards). */
  readonly name: string;
  /** How the point is dispatched. */
  readonly kind: TKind;
  /** A human-readable description, shown by `registry.describe()`. */
  readonly description?: string | undefined;
  /** How the point runs (see {@link PointMode}); `undefined`: either, async handlers skipped by sync dispatch. */
  readonly mode?: PointMode | undefined;
  /**
   * Compile-time carrier of the input and output types (lets TypeScript infer handler types from
   * the point); never present at run time.
   */
  readonly __types?: { readonly in: TIn; readonly out: TOut };
}

/** A waterfall point: each handler may replace the value. */
export type FilterPoint<T> = ExtensionPoint<'filter', T, T>;
/** A broadcast point: every handler gets the same payload. */
export type NotifyPoint<T> = ExtensionPoint<'notify', T, void>;
/** A gathering point: the non-`undefined` results of the handlers, in order. */
export type CollectPoint<TIn, TOut> = ExtensionPoint<'collect', TIn, TOut>;
/** An onion point: handlers wrap each other around a terminal function. */
export type MiddlewarePoint<TCtx, TResult> = ExtensionPoint<'middleware', TCtx, TResult>;

/** Any extension point. */
export type AnyExtensionPoint = ExtensionPoint<PointKind, unknown, unknown>;

/** Options of the `define…` functions. */
export interface DefinePointOptions {
  /** A human-readable description, shown by `registry.describe()`. */
  readonly description?: string | undefined;
  /**
   * `'sync'`: only synchronous handlers may register (an `async` one throws `ValidationError`);
   * `'async'`: only the `…Async` dispatchers may dispatch it. Default: neither rule (a synchronous
   * dispatch skips async handlers and reports each skip through `onWarning`).
   */
  readonly mode?: PointMode | undefined;
}
