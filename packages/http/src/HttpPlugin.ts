import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import {
  inject,
  plugin,
  preDestroy,
  TOKENS,
  ValidationError,
  type ExtensionRegistry,
  type Logger,
  type PluginConfig,
  type PluginContext,
  type PluginLifecycleEvent,
  type PluginManager,
} from '@trellis/core';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { describeValue } from './describeValue.js';
import { errorBody } from './errorBody.js';
import { HttpError } from './HttpError.js';
import type { HttpMiddleware } from './HttpMiddleware.js';
import type { HttpRoutes } from './HttpRoutes.js';
import { HTTP_REQUEST } from './HTTP_REQUEST.js';
import { HTTP_SERVER } from './HTTP_SERVER.js';
import { MiddlewareChain } from './MiddlewareChain.js';
import { parsePrefix } from './parseRoutePath.js';
import { PluginRoutes } from './PluginRoutes.js';
import { readPrefix } from './readPrefix.js';
import { RouteTable } from './RouteTable.js';
import { toMiddlewareHandler } from './toMiddlewareHandler.js';

const DEFAULT_PRIORITY = 50;
const JSON_TYPE = 'application/json; charset=utf-8';

const methodOf = (instance: unknown, key: string): boolean => {
  try {
    return typeof (instance as Record<string, unknown>)[key] === 'function';
  } catch {
    return false;
  }
};

/**
 * The system plugin `trellis.http`: owns a fastify server ({@link HTTP_SERVER}), runs middleware
 * plugins (`processRequest`) on the `http.request` point around every request and mounts the routes
 * of routes plugins (`routes(router)`) under `/plugins/<name>` or their `http.prefix`.
 *
 * Config section `trellis.http`: `host` (default `127.0.0.1`), `port` (default 3000, 0 for a free
 * one), `closeTimeout` (ms in-flight requests get on stop before connections are cut, default
 * 10000), `bodyLimit` (bytes, default 1 MiB), `trustProxy` (the proxies whose `X-Forwarded-*` headers
 * set `request.ip`, `request.protocol` and `request.host`; none by default).
 *
 * The server listens on `start` and closes gracefully on `stop` (new connections refused, in-flight
 * requests finish). Fastify boots at the end of the host's `start()` (the `trellis.app.startup`
 * event) or at the first request, whichever comes first: until then, plugins that depend on
 * `trellis.http` may add routes, hooks and fastify plugins to {@link HTTP_SERVER}.
 *
 * @example
 * ```ts
 * const manager = new PluginManager({ config: { 'trellis.http': { port: 8080 } } });
 * manager.register([HttpPlugin, TracingPlugin, UsersPlugin]);
 * await manager.start();
 * ```
 */
@plugin({
  name: 'trellis.http',
  version: '1.0.0',
  description: 'HTTP server on fastify: middleware and routes plugins',
  config: {
    host: { type: 'string', default: '127.0.0.1', description: 'address to listen on' },
    port: { type: 'integer', default: 3000, min: 0, max: 65535, description: 'port; 0 for a free one' },
    closeTimeout: {
      type: 'integer',
      default: 10_000,
      min: 0,
      description: 'ms in-flight requests get on stop before their connections are closed',
    },
    bodyLimit: { type: 'integer', default: 1_048_576, min: 1, description: 'largest request body in bytes' },
    trustProxy: {
      type: 'array',
      default: [],
      description:
        'proxies whose X-Forwarded-* headers are trusted: addresses, subnets, loopback, linklocal, uniquelocal',
    },
  },
  provides: [{ token: HTTP_SERVER, useFactory: (ctx) => ctx.get(HttpPlugin).server }],
})
export class HttpPlugin {
  readonly #manager: PluginManager;
  readonly #registry: ExtensionRegistry;
  readonly #config: PluginConfig;
  readonly #logger: Logger;
  readonly #table = new RouteTable();
  readonly #routes: PluginRoutes;
  /** Plugin name → the instance attached and how to detach its middleware. */
  readonly #attached = new Map<
    string,
    { readonly instance: object; readonly off: (() => void) | undefined }
  >();
  #app: FastifyInstance | undefined;
  #handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  #booting: Promise<void> | undefined;
  #booted = false;
  #closing = false;

  constructor(
    @inject(TOKENS.Manager) manager: PluginManager,
    @inject(TOKENS.Extensions) registry: ExtensionRegistry,
    @inject(TOKENS.Config) config: PluginConfig,
    @inject(TOKENS.Logger) logger: Logger,
  ) {
    this.#manager = manager;
    this.#registry = registry;
    this.#config = config;
    this.#logger = logger;
    this.#routes = new PluginRoutes(this.#table, logger);
  }

  /** The fastify instance (provided as {@link HTTP_SERVER}); exists from the end of `initialize`. */
  get server(): FastifyInstance {
    if (this.#app === undefined) {
      throw new HttpError('The fastify instance of trellis.http exists once trellis.http is initialized.', {
        code: 'TRELLIS_HTTP_LISTEN',
      });
    }
    return this.#app;
  }

  /** Where the server listens (`http://127.0.0.1:43123`), or `undefined` when it does not. */
  get url(): string | undefined {
    const address = this.#app?.server.address();
    if (address === null || address === undefined || typeof address === 'string') return address ?? undefined;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${host}:${String(address.port)}`;
  }

  initialize(ctx: PluginContext): void {
    // Request logs go through the manager's pino logger (bound to this plugin). A silent logger is
    // not handed to fastify: it would still make a child logger per request and log nothing.
    const loggerInstance: FastifyBaseLogger = this.#logger;
    const trustProxy = readTrustProxy(this.#config.get<unknown>('trustProxy', []));
    const app = Fastify({
      ...(this.#logger.level === 'silent' ? {} : { loggerInstance }),
      ...(trustProxy.length === 0 ? {} : { trustProxy }),
      bodyLimit: this.#config.get('bodyLimit', 1_048_576),
      serverFactory: (handler) => {
        this.#handler = handler;
        return createServer((req, res) => {
          this.#serve(req, res);
        });
      },
    });
    this.#app = app;
    new MiddlewareChain(this.#registry, this.#logger, () => this.#closing).install(app);
    this.#installRoutes(app);
    for (const { name, instance } of this.#manager.getAllPlugins()) {
      if (instance !== undefined && name !== ctx.name) this.#attach(name, instance);
    }
    ctx.registerHook('trellis.plugin.loaded', ({ pluginName }: PluginLifecycleEvent) => {
      const instance = this.#manager.getPlugin(pluginName);
      if (instance !== undefined) this.#attach(pluginName, instance);
    });
    ctx.registerHook('trellis.plugin.unloaded', ({ pluginName }: PluginLifecycleEvent) => {
      this.#detach(pluginName);
    });
    ctx.registerHook('trellis.app.startup', () => this.#boot().catch(() => undefined));
  }

  async start(): Promise<void> {
    const server = this.server.server;
    if (server.listening) return;
    const host = this.#config.get('host', '127.0.0.1');
    const port = this.#config.get('port', 3000);
    await new Promise<void>((resolve, reject) => {
      const failed = (cause: Error): void => {
        reject(
          new HttpError(
            `trellis.http cannot listen on ${host}:${String(port)}: ${cause.message}. Set 'trellis.http' { host, port } (port 0 picks a free one).`,
            { code: 'TRELLIS_HTTP_LISTEN', plugin: 'trellis.http', cause },
          ),
        );
      };
      server.once('error', failed);
      server.listen({ host, port }, () => {
        server.off('error', failed);
        resolve();
      });
    });
    const { port: actual } = server.address() as AddressInfo;
    this.#logger.info({ url: this.url, port: actual }, `HTTP server listening on ${this.url ?? ''}`);
  }

  async stop(): Promise<void> {
    const server = this.#app?.server;
    if (server?.listening !== true) return;
    this.#closing = true;
    const closeTimeout = this.#config.get('closeTimeout', 10_000);
    try {
      await new Promise<void>((resolve) => {
        // Keep-alive sockets of finished requests are idle: close them as they become so.
        const reaper = setInterval(() => {
          server.closeIdleConnections();
        }, 25);
        const cut = setTimeout(() => {
          server.closeAllConnections();
        }, closeTimeout);
        server.close(() => {
          clearInterval(reaper);
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      });
    } finally {
      this.#closing = false;
    }
  }

  /** Detaches every plugin and closes fastify (its `onClose` hooks run) when the plugin unloads. */
  @preDestroy()
  async dispose(): Promise<void> {
    for (const name of [...this.#attached.keys()]) this.#detach(name);
    const app = this.#app;
    this.#app = undefined;
    if (app !== undefined && this.#booting !== undefined) await app.close();
  }

  #serve(req: IncomingMessage, res: ServerResponse): void {
    if (this.#closing) res.setHeader('connection', 'close');
    const handler = this.#handler;
    if (handler === undefined) return;
    if (this.#booted) {
      handler(req, res);
      return;
    }
    this.#boot().then(
      () => {
        handler(req, res);
      },
      () => {
        res.writeHead(500, { 'content-type': JSON_TYPE });
        res.end(errorBody('TRELLIS_HTTP_INTERNAL', 'The HTTP server failed to start; see the host logs.'));
      },
    );
  }

  /** Boots fastify once (routes and hooks are fixed from then on). */
  #boot(): Promise<void> {
    const app = this.#app;
    if (app === undefined) return Promise.resolve();
    this.#booting ??= Promise.resolve(app.ready()).then(
      () => {
        this.#booted = true;
      },
      (error: unknown) => {
        this.#logger.error({ err: error, code: 'TRELLIS_HTTP_INTERNAL' }, 'The HTTP server failed to boot');
        throw error;
      },
    );
    return this.#booting;
  }

  #installRoutes(app: FastifyInstance): void {
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?', 1)[0] ?? '';
      void reply
        .code(404)
        .type(JSON_TYPE)
        .send(errorBody('TRELLIS_HTTP_NOT_FOUND', `No route answers ${request.method} ${path}.`));
    });
    app.setErrorHandler(
      (error: { statusCode?: unknown; code?: unknown; message?: unknown }, request, reply) => {
        const status =
          typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
        if (status >= 500) {
          request.log.error({ err: error }, 'request failed');
          void reply
            .code(status)
            .type(JSON_TYPE)
            .send(errorBody('TRELLIS_HTTP_INTERNAL', 'Internal server error; see the host logs.'));
          return;
        }
        const code = typeof error.code === 'string' ? error.code : `HTTP_${String(status)}`;
        const message = typeof error.message === 'string' ? error.message : 'Bad request';
        void reply.code(status).type(JSON_TYPE).send(errorBody(code, message));
      },
    );
    app.route({
      method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      url: '/*',
      handler: async (request, reply) => {
        const path = request.url.split('?', 1)[0] ?? '';
        const match = this.#table.find(request.method, path);
        if (match === undefined || !this.#registry.isOwnerEnabled(match.entry.plugin)) {
          // An async handler must return the reply it answered with (else fastify answers again).
          reply.callNotFound();
          return reply;
        }
        const params: Record<string, string> = {};
        for (const [key, value] of Object.entries(match.params)) {
          try {
            params[key] = decodeURIComponent(value);
          } catch {
            params[key] = value;
          }
        }
        request.params = params;
        // Whether the handler answered through reply.send() (an async onSend may still be running).
        const answer = { sent: false };
        const send = reply.send.bind(reply);
        reply.send = (payload?: unknown) => {
          answer.sent = true;
          return send(payload);
        };
        const result: unknown = await match.entry.handler(request, reply);
        if (answer.sent || reply.sent || result === reply) return reply;
        if (result === undefined) return reply.code(204).send();
        return result;
      },
    });
  }

  #attach(name: string, instance: object): void {
    const known = this.#attached.get(name);
    if (known?.instance === instance) return;
    if (known !== undefined) this.#detach(name);
    let off: (() => void) | undefined;
    // section 9: a plugin whose permissions are enforced needs http.middleware / http.routes
    const permissions = this.#manager.permissionsOf(name);
    if (methodOf(instance, 'processRequest') && permissions.denial('http.middleware') === undefined) {
      const middleware = instance as HttpMiddleware;
      off = this.#registry.on(HTTP_REQUEST, toMiddlewareHandler(name, middleware), {
        plugin: name,
        priority: this.#priorityOf(name, middleware),
        name: 'processRequest',
      });
    }
    this.#attached.set(name, { instance, off });
    if (methodOf(instance, 'routes') && permissions.denial('http.routes') === undefined)
      this.#mount(name, instance as HttpRoutes);
  }

  #detach(name: string): void {
    const known = this.#attached.get(name);
    if (known === undefined) return;
    this.#attached.delete(name);
    known.off?.();
    this.#routes.unmount(name);
  }

  #mount(name: string, instance: HttpRoutes): void {
    const asked = readPrefix(this.#manager, name, instance);
    const prefix = asked === undefined ? `/plugins/${name}` : parsePrefix(asked);
    if (typeof prefix !== 'string') {
      const error = new HttpError(
        `Plugin '${name}' asks for an invalid http.prefix: ${prefix.problem}. Its routes are not mounted.`,
        { code: 'TRELLIS_HTTP_ROUTE', plugin: name },
      );
      this.#logger.error({ plugin: name, err: error, code: error.code }, error.message);
      return;
    }
    this.#routes.mount(name, prefix, (router) => {
      instance.routes(router);
    });
  }

  #priorityOf(name: string, middleware: HttpMiddleware): number {
    let priority: unknown;
    try {
      priority = middleware.middlewarePriority;
    } catch {
      priority = 'unreadable';
    }
    if (priority === undefined) return DEFAULT_PRIORITY;
    if (typeof priority === 'number' && Number.isFinite(priority)) return priority;
    this.#logger.warn(
      { plugin: name, code: 'TRELLIS_HTTP_MIDDLEWARE' },
      `Plugin '${name}' has middlewarePriority ${describeValue(priority)}; a finite number is expected, so ${String(DEFAULT_PRIORITY)} is used.`,
    );
    return DEFAULT_PRIORITY;
  }
}

/** Special names proxy-addr accepts besides addresses and subnets. */
const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * The `trustProxy` setting checked: a list of addresses, subnets (`10.0.0.0/8`) or the names
 * `loopback`, `linklocal`, `uniquelocal`. Throws `ValidationError` naming the bad entry.
 */
function readTrustProxy(value: unknown): string[] {
  const entries: unknown[] = Array.isArray(value) ? value : [value];
  return entries.map((entry) => {
    const [address = '', bits] = typeof entry === 'string' ? entry.split('/') : [];
    const valid =
      typeof entry === 'string' &&
      (PROXY_NAMES.has(entry) || (isIP(address) !== 0 && (bits === undefined || /^\d{1,3}$/.test(bits))));
    if (!valid)
      throw new ValidationError(
        `trellis.http: trustProxy entry ${describeValue(entry)} is not an address, a subnet ('10.0.0.0/8') or one of loopback, linklocal, uniquelocal. Fix the 'trellis.http' config section.`,
      );
    return entry;
  });
}
