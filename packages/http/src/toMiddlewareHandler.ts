import type { MiddlewareHandler } from '@trellis/core';
import { describeValue } from './describeValue.js';
import { HttpError } from './HttpError.js';
import type { HttpExchange } from './HTTP_REQUEST.js';
import type { HttpMiddleware, HttpRequestContext, HttpResponse } from './HttpMiddleware.js';

const isResponse = (value: unknown): value is HttpResponse => {
  try {
    return (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as HttpResponse).statusCode === 'number' &&
      typeof (value as HttpResponse).headers === 'object'
    );
  } catch {
    return false;
  }
};

/**
 * Adapts a middleware plugin's `processRequest(req, next)` to a handler of the `http.request`
 * point: `next(req)` may hand on a replaced request, and a layer that returns nothing after calling
 * `next()` passes the inner answer on. Anything else that is not an answer is an error naming the
 * plugin.
 */
export function toMiddlewareHandler(
  plugin: string,
  middleware: HttpMiddleware,
): MiddlewareHandler<HttpExchange, HttpResponse> {
  const check = (
    result: unknown,
    inner: Promise<HttpResponse> | undefined,
  ): HttpResponse | Promise<HttpResponse> => {
    if (isResponse(result)) return result;
    if (result === undefined && inner !== undefined) return inner;
    throw new HttpError(
      `processRequest() of plugin '${plugin}' returned ${describeValue(result)}: return await next(req), or an answer { statusCode, headers, body }.`,
      { code: 'TRELLIS_HTTP_MIDDLEWARE', plugin },
    );
  };
  return function processRequestOf(exchange, next) {
    let inner: Promise<HttpResponse> | undefined;
    const result = middleware.processRequest(exchange.req, (req?: HttpRequestContext) => {
      if (req !== undefined) exchange.req = req;
      inner = next();
      return inner;
    });
    // The common `return next(req)`: the inner answer as it is (checked by the layer that made it).
    if (result === inner) return inner;
    if (typeof (result as { then?: unknown } | undefined)?.then === 'function') {
      return (result as Promise<unknown>).then((value) => check(value, inner));
    }
    return check(result, inner);
  };
}
