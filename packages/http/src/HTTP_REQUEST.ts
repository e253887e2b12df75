import { defineMiddleware } from '@trellis/core';
import type { HttpRequestContext, HttpResponse } from './HttpMiddleware.js';

/** What travels through the `http.request` onion: the request, replaceable by a layer's `next(req)`. */
export interface HttpExchange {
  req: HttpRequestContext;
}

/**
 * The registry's middleware point every request of `trellis.http` runs through. Middleware plugins
 * are registered on it for you; a host may also register a handler directly
 * (`manager.registerHook(HTTP_REQUEST, (exchange, next) => next(), { plugin })`).
 */
export const HTTP_REQUEST = defineMiddleware<HttpExchange, HttpResponse>('http.request', {
  description: 'Every HTTP request of trellis.http (onion, highest priority outermost)',
});
