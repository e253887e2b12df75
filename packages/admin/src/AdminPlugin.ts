import { inject, plugin, TOKENS } from '@trellis/core';
import type { HookContext, PluginContext, PluginManager, Token } from '@trellis/core';
import { HEALTH } from '@trellis/health';
import { HTTP_SERVER } from '@trellis/http';
import { METRICS } from '@trellis/metrics';
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import type { AdminOptions } from './AdminOptions.js';
import { generateToken } from './auth/generateToken.js';
import type { AdminSources, HealthSource, MetricsSource } from './model/AdminSources.js';
import { StatusCache } from './model/StatusCache.js';
import { EventStream } from './routes/EventStream.js';
import { mountAdmin } from './routes/mountAdmin.js';
import { staticDir } from './staticDir.js';
import { toEventData } from './toEventData.js';

/** Lifecycle events are notified: the admin's wildcard listeners join no other kind of dispatch. */
const LISTEN = { kinds: ['notify'] } as const;

/** The admin plugin's name. */
export const ADMIN_PLUGIN_NAME = 'trellis.admin';

const lookup = <T>(ctx: PluginContext | undefined, token: Token<T>): T | undefined => {
  if (ctx === undefined) return undefined;
  try {
    return ctx.get(token);
  } catch {
    return undefined;
  }
};

/**
 * The management API and dashboard (`trellis.admin`), mounted on the host's fastify server
 * (`HTTP_SERVER` of `@trellis/http`): probes and `/metrics` at the root, the dashboard at
 * `/admin/` and the JSON API under `/admin/api`. Its config section is {@link AdminOptions}.
 *
 * @example
 * ```ts
 * manager.register([HttpPlugin, HealthPlugin, MetricsPlugin, AdminPlugin]);
 * await manager.start(); // prints the dashboard URL when no token was configured
 * ```
 */
@plugin({
  name: ADMIN_PLUGIN_NAME,
  version: '1.0.0',
  description: 'Management HTTP API, probes, metrics endpoint and live dashboard',
  config: {
    prefix: { type: 'string', default: '/admin', description: 'Where the API and dashboard are mounted' },
    token: {
      type: 'string',
      secret: true,
      description: 'Bearer token (default TRELLIS_ADMIN_TOKEN or generated)',
    },
    publicRead: { type: 'boolean', default: false, description: 'GET /admin/api/* without a token' },
    bodyLimit: { type: 'integer', default: 16_384, min: 0, description: 'Largest request body in bytes' },
    probes: { type: 'boolean', default: true, description: 'Mount /health/* and /metrics at the root' },
    announce: {
      type: 'boolean',
      default: true,
      description: 'Print the dashboard URL with a generated token',
    },
    hookStats: {
      type: 'boolean',
      default: true,
      description: 'Count per-handler hook calls, errors and time',
    },
  },
})
export class AdminPlugin {
  readonly #manager: PluginManager;
  readonly #server: FastifyInstance;
  readonly #events = new EventStream();
  readonly #statusCache: StatusCache;
  #ctx: PluginContext | undefined;
  #token = '';
  #generated = false;
  #prefix = '/admin';
  #stopping = false;
  #announced = false;
  #announce = true;

  constructor(@inject(TOKENS.Manager) manager: PluginManager, @inject(HTTP_SERVER) server: FastifyInstance) {
    this.#manager = manager;
    this.#server = server;
    this.#statusCache = new StatusCache(manager);
  }

  /** Resolves the token and mounts the routes (before the server listens). */
  async initialize(ctx: PluginContext): Promise<void> {
    this.#ctx = ctx;
    const options = ctx.config.all() as AdminOptions;
    this.#prefix = normalisePrefix(options.prefix ?? '/admin');
    this.#announce = options.announce !== false;
    const configured = options.token ?? process.env.TRELLIS_ADMIN_TOKEN;
    this.#generated = configured === undefined || configured === '';
    this.#token = this.#generated ? generateToken() : (configured ?? '');
    if (options.hookStats !== false) this.#manager.extensions.enableStats();

    ctx.registerHook(
      'trellis.plugin.*',
      (payload: unknown, hook: HookContext) => {
        this.#statusCache.invalidate();
        this.#events.broadcast({ type: hook.event, data: toEventData(payload) });
        return undefined;
      },
      LISTEN,
    );
    ctx.registerHook(
      'trellis.app.*',
      (payload: unknown, hook: HookContext) => {
        if (hook.event === 'trellis.app.stopping') this.#stopping = true;
        if (hook.event === 'trellis.app.startup') this.#stopping = false;
        this.#statusCache.invalidate();
        this.#events.broadcast({ type: hook.event, data: toEventData(payload) });
        return undefined;
      },
      LISTEN,
    );

    const sources: AdminSources = {
      manager: this.#manager,
      health: () => lookup(this.#ctx, HEALTH as Token<HealthSource>),
      metrics: () => lookup(this.#ctx, METRICS as Token<MetricsSource>),
      stopping: () => this.#stopping,
      statusCache: this.#statusCache,
      protectedPlugins: () => this.#protectedPlugins(),
    };
    await mountAdmin(this.#server, sources, {
      prefix: this.#prefix,
      token: this.#token,
      publicRead: options.publicRead === true,
      bodyLimit: options.bodyLimit ?? 16_384,
      staticDir: staticDir(),
      probes: options.probes !== false,
      events: this.#events,
    });
  }

  /** Prints the dashboard URL once when the token was generated (the server listens by now). */
  start(): void {
    this.#stopping = false;
    if (!this.#generated || !this.#announce || this.#announced) return;
    const url = this.dashboardUrl();
    if (url === undefined) return;
    this.#announced = true;
    process.stdout.write(`Trellis admin dashboard: ${url}\n`);
  }

  /** Ends the open event streams so the server can close. */
  stop(): void {
    this.#stopping = true;
    this.#events.closeAll();
  }

  /** The bearer token in force (configured or generated). */
  get token(): string {
    return this.#token;
  }

  /** The URL of the host's root, e.g. `http://127.0.0.1:3000/`, once the server listens. */
  baseUrl(): string | undefined {
    const bound: AddressInfo | string | null = this.#server.server.address();
    if (bound === null || typeof bound === 'string') return undefined;
    const address = bound;
    const host =
      address.address === '0.0.0.0' || address.address === '::'
        ? '127.0.0.1'
        : address.family === 'IPv6'
          ? `[${address.address}]`
          : address.address;
    return `http://${host}:${String(address.port)}/`;
  }

  /** The dashboard's URL with the token in its fragment (`/admin/#token=…`). */
  dashboardUrl(): string | undefined {
    const base = this.baseUrl();
    if (base === undefined) return undefined;
    return `${base}${this.#prefix.slice(1)}/#token=${encodeURIComponent(this.#token)}`;
  }

  /** The admin itself and everything it depends on. */
  #protectedPlugins(): string[] {
    const edges = this.#manager.graph().edges;
    const found = new Set<string>([ADMIN_PLUGIN_NAME]);
    const queue = [ADMIN_PLUGIN_NAME];
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      for (const edge of edges) {
        if (edge.from === name && !found.has(edge.to)) {
          found.add(edge.to);
          queue.push(edge.to);
        }
      }
    }
    return [...found];
  }
}

function normalisePrefix(prefix: string): string {
  const trimmed = `/${prefix}`.replace(/\/+/g, '/').replace(/\/$/, '');
  return trimmed === '' ? '/admin' : trimmed;
}
