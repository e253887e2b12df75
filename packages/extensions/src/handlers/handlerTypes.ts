import type { HookContext } from './HookContext.js';

/** A filter handler: returns a replacement value, or `undefined` to keep the current one. */
export type FilterHandler<T> = (value: T, ctx: HookContext) => T | undefined | Promise<T | undefined>;

/** A notify handler: its return value is ignored (a returned promise is awaited by `notifyAsync`). */
export type NotifyHandler<T> = (payload: T, ctx: HookContext) => unknown;

/** A collect handler: its non-`undefined` result is added to the collected list. */
export type CollectHandler<TIn, TOut> = (
  input: TIn,
  ctx: HookContext,
) => TOut | undefined | Promise<TOut | undefined>;

/** A middleware handler: calls `next()` (at most once) to run the inner layers and the terminal. */
export type MiddlewareHandler<TCtx, TResult> = (
  ctx: TCtx,
  next: () => Promise<TResult>,
  hookCtx: HookContext,
) => TResult | Promise<TResult>;
