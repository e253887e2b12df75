import type { Logger } from '@trellis/core';
import { describeValue } from './describeValue.js';
import { HttpError } from './HttpError.js';
import type { HttpRouter, RouteHandler } from './HttpRoutes.js';
import { parseRoutePath } from './parseRoutePath.js';
import type { RouteTable } from './RouteTable.js';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * Mounts and unmounts the routes of routes plugins in the shared {@link RouteTable}, each through
 * its own {@link HttpRouter} facade that knows the plugin and its prefix.
 */
export class PluginRoutes {
  readonly #table: RouteTable;
  readonly #logger: Logger;

  constructor(table: RouteTable, logger: Logger) {
    this.#table = table;
    this.#logger = logger;
  }

  /**
   * Calls `routes(router)` of `plugin` with its facade. All or nothing: when it throws (an invalid
   * path, a conflict, its own error), its routes are removed and the error is logged and returned;
   * the server keeps serving everything else.
   */
  mount(plugin: string, prefix: string, declare: (router: HttpRouter) => unknown): HttpError | undefined {
    const router = this.routerFor(plugin, prefix);
    try {
      const result = declare(router);
      if (typeof (result as { then?: unknown } | undefined)?.then === 'function') {
        throw new HttpError(
          `routes() of plugin '${plugin}' returned a promise: declare routes synchronously (do async work in initialize).`,
          { code: 'TRELLIS_HTTP_ROUTE', plugin },
        );
      }
      return undefined;
    } catch (cause) {
      this.#table.removePlugin(plugin);
      const error =
        cause instanceof HttpError
          ? cause
          : new HttpError(
              `routes() of plugin '${plugin}' threw: ${describeValue(cause)}. Its routes are not mounted.`,
              {
                code: 'TRELLIS_HTTP_ROUTE',
                plugin,
                cause,
              },
            );
      this.#logger.error({ plugin, err: error, code: error.code }, error.message);
      return error;
    }
  }

  /** Removes every route of `plugin`. */
  unmount(plugin: string): void {
    this.#table.removePlugin(plugin);
  }

  /** The facade `plugin` declares its routes with. */
  routerFor(plugin: string, prefix: string): HttpRouter {
    const add = (method: string, path: unknown, handler: unknown): void => {
      const segments = parseRoutePath(path);
      if (typeof segments === 'string') {
        throw new HttpError(
          `Plugin '${plugin}' declares an invalid route ${method} ${describeValue(path)}: ${segments}. Its routes are not mounted.`,
          { code: 'TRELLIS_HTTP_ROUTE', plugin },
        );
      }
      const fullPath = `${prefix}${path === '/' ? '' : String(path)}` || '/';
      if (typeof handler !== 'function') {
        throw new HttpError(
          `Plugin '${plugin}' gives ${describeValue(handler)} as the handler of ${method} ${fullPath}; pass a function (request, reply) => answer.`,
          { code: 'TRELLIS_HTTP_ROUTE', plugin },
        );
      }
      const entry = {
        method,
        path: fullPath,
        plugin,
        handler: handler as RouteHandler,
        segments: [...(prefix === '' ? [] : prefix.slice(1).split('/')), ...segments],
      };
      const taken = this.#table.conflictOf(entry);
      if (taken !== undefined) {
        const owner = taken.plugin === plugin ? 'the same plugin' : `plugin '${taken.plugin}'`;
        throw new HttpError(
          `Route ${method} ${fullPath} of plugin '${plugin}' conflicts with ${method} ${taken.path} of ${owner}: ` +
            `both would answer the same requests. Give one of them another path or http.prefix. The routes of '${plugin}' are not mounted.`,
          { code: 'TRELLIS_HTTP_ROUTE_CONFLICT', plugin },
        );
      }
      this.#table.add(entry);
    };
    const router = { prefix } as { -readonly [K in keyof HttpRouter]: HttpRouter[K] };
    for (const method of METHODS) {
      router[method] = (path: string, handler: RouteHandler): void => {
        add(method.toUpperCase(), path, handler);
      };
    }
    return Object.freeze(router);
  }
}
