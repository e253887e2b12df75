import type { FastifyReply, FastifyRequest } from 'fastify';

/** A route handler: `(request, reply)`; what it returns (or resolves to) is the answer. */
export type RouteHandler = (request: FastifyRequest, reply: FastifyReply) => unknown;

/**
 * What a routes plugin gets: declares routes relative to its prefix (`/plugins/<name>`, or its own
 * `http.prefix`). Paths start with `/`; `:name` matches one segment (in `request.params`), a final
 * `*` matches the rest. Each method throws `HttpRouteError` for an invalid path or a route another
 * plugin already answers.
 */
export interface HttpRouter {
  /** The prefix routes are mounted under (`''` for the root). */
  readonly prefix: string;
  get(path: string, handler: RouteHandler): void;
  post(path: string, handler: RouteHandler): void;
  put(path: string, handler: RouteHandler): void;
  patch(path: string, handler: RouteHandler): void;
  delete(path: string, handler: RouteHandler): void;
}

/**
 * A routes plugin: any loaded plugin with `routes(router)`. `trellis.http` calls it once per loaded
 * instance with the plugin's own {@link HttpRouter}; the routes answer 404 while the plugin is
 * disabled and disappear when it unloads. The prefix is `/plugins/<name>` unless the plugin's config
 * section (or its `@plugin` options) sets `http: { prefix: '/api' }` (`'/'` for the root).
 *
 * @example
 * ```ts
 * @plugin({ name: 'users' })
 * export class Users implements HttpRoutes {
 *   routes(router: HttpRouter) {
 *     router.get('/:id', (request) => this.find((request.params as { id: string }).id));
 *   }
 * }
 * ```
 */
export interface HttpRoutes {
  routes(router: HttpRouter): void;
}
