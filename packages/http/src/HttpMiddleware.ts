import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The request a middleware sees: the fastify request and reply plus a per-request `state` bag. */
export interface HttpRequestContext {
  /** `GET`, `POST`… */
  readonly method: string;
  /** The path and query string as received. */
  readonly url: string;
  /** The request headers (the same object as `request.headers`; a middleware may add to it). */
  readonly headers: IncomingHttpHeaders;
  /** The fastify request. */
  readonly request: FastifyRequest;
  /** The fastify reply (headers set on it show in every answer). */
  readonly reply: FastifyReply;
  /** Data middleware layers share for this request (a correlation id…). */
  readonly state: Record<string, unknown>;
}

/** An answer travelling back out through the middleware layers. */
export interface HttpResponse {
  /** HTTP status code. */
  statusCode: number;
  /** Response headers by lower-case name; a layer may add, change or delete entries. */
  headers: Record<string, string | number | readonly string[] | undefined>;
  /** The body: a string or Buffer as serialised, or any JSON value a layer puts there. */
  body: unknown;
}

/** Calls the inner layers (and finally the route); resolves to their answer. */
export type HttpNext = (req?: HttpRequestContext) => Promise<HttpResponse>;

/**
 * An HTTP middleware plugin: any loaded plugin with `processRequest`. `trellis.http` registers it on
 * the registry's middleware point `http.request` (an onion, highest `middlewarePriority`
 * outermost) for every request the server answers. Return `await next(req)` (changed as you like)
 * to go on, or your own {@link HttpResponse} to answer at once. A middleware that throws gives a
 * 500 `{ error: { code: 'TRELLIS_HTTP_MIDDLEWARE', message } }`; a disabled plugin's middleware is
 * skipped.
 *
 * @example
 * ```ts
 * @plugin({ name: 'tracing' })
 * export class Tracing implements HttpMiddleware {
 *   readonly middlewarePriority = 90;
 *   async processRequest(req: HttpRequestContext, next: HttpNext) {
 *     const id = String(req.headers['x-correlation-id'] ?? randomUUID());
 *     const res = await next(req);
 *     res.headers['x-correlation-id'] = id;
 *     return res;
 *   }
 * }
 * ```
 */
export interface HttpMiddleware {
  processRequest(req: HttpRequestContext, next: HttpNext): HttpResponse | Promise<HttpResponse>;
  /** Order among middleware: higher runs outermost; default 50. */
  readonly middlewarePriority?: number | undefined;
}
