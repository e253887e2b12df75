import type { DefinePointOptions, MiddlewarePoint } from './ExtensionPoint.js';
import { definePoint } from './definePoint.js';

/**
 * Defines a middleware (onion) point: handlers get `(ctx, next, hookCtx)`, the highest priority is
 * outermost, and the innermost `next()` calls the terminal function given to `registry.run()`.
 *
 * @example
 * ```ts
 * const Request = defineMiddleware<HttpCtx, HttpResult>('http.request');
 * ```
 */
export function defineMiddleware<TCtx, TResult>(
  name: string,
  options?: DefinePointOptions,
): MiddlewarePoint<TCtx, TResult> {
  return definePoint<'middleware', TCtx, TResult>('middleware', name, options);
}
