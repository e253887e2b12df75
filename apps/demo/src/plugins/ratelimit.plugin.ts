import { inject, plugin, TOKENS } from '@trellis/core';
import type { ExtensionRegistry, PluginContext } from '@trellis/core';
import { HTTP_SERVER } from '@trellis/http';
import type { FastifyInstance } from 'fastify';
import { mountOnce } from '../shared/mountOnce.js';
import { sendError } from '../shared/sendError.js';

interface Window {
  count: number;
  resetAt: number;
}

/**
 * Fixed-window rate limiting of `/api/*` per client address: `X-RateLimit-Limit`, `-Remaining` and
 * `-Reset` (seconds) on every answer, 429 with `Retry-After` past the limit.
 */
@plugin({
  name: 'ratelimit',
  version: '1.0.0',
  description: 'Limits /api/* requests per client and minute',
  optionalDependencies: { tracing: '*' },
  config: {
    limit: { type: 'integer', default: 120, min: 1, description: 'Requests per window per client' },
    windowMs: { type: 'integer', default: 60_000, min: 1, description: 'Window length in ms' },
  },
})
export class RateLimitPlugin {
  readonly #windows = new Map<string, Window>();
  #limit = 120;
  #windowMs = 60_000;
  #sweeper: NodeJS.Timeout | undefined;

  constructor(
    @inject(HTTP_SERVER) private readonly server: FastifyInstance,
    @inject(TOKENS.Extensions) private readonly registry: ExtensionRegistry,
  ) {}

  initialize(ctx: PluginContext): void {
    this.#limit = ctx.config.get('limit', 120);
    this.#windowMs = ctx.config.get('windowMs', 60_000);
    const feature = mountOnce<RateLimitPlugin>(this.server, 'ratelimit', (mounted) => {
      this.server.addHook('onRequest', async (request, reply) => {
        const limiter = mounted.current;
        if (!request.url.startsWith('/api/')) return;
        if (limiter === undefined || !limiter.registry.isOwnerEnabled('ratelimit')) return;
        const verdict = limiter.take(request.ip, Date.now());
        reply.header('X-RateLimit-Limit', String(verdict.limit));
        reply.header('X-RateLimit-Remaining', String(verdict.remaining));
        reply.header('X-RateLimit-Reset', String(verdict.resetSeconds));
        if (!verdict.allowed) {
          reply.header('Retry-After', String(verdict.resetSeconds));
          await sendError(
            reply,
            429,
            'RATE_LIMITED',
            `More than ${verdict.limit} requests in ${verdict.windowSeconds} s from this client; retry after ${verdict.resetSeconds} s.`,
          );
        }
      });
    });
    feature.current = this;
  }

  start(): void {
    this.#sweeper = setInterval(() => {
      const now = Date.now();
      for (const [key, window] of this.#windows) if (window.resetAt <= now) this.#windows.delete(key);
    }, this.#windowMs).unref();
  }

  stop(): void {
    clearInterval(this.#sweeper);
    const feature = mountOnce<RateLimitPlugin>(this.server, 'ratelimit', () => undefined);
    if (feature.current === this) feature.current = undefined;
  }

  /**
   * Counts one request of `client` at `now`. Public, and the only thing the mounted hook calls: after
   * a reload the hook holds an instance of the re-imported class.
   */
  take(
    client: string,
    now: number,
  ): { allowed: boolean; limit: number; remaining: number; resetSeconds: number; windowSeconds: number } {
    let window = this.#windows.get(client);
    if (window === undefined || window.resetAt <= now) {
      window = { count: 0, resetAt: now + this.#windowMs };
      this.#windows.set(client, window);
    }
    window.count += 1;
    return {
      allowed: window.count <= this.#limit,
      limit: this.#limit,
      windowSeconds: this.#windowMs / 1000,
      remaining: Math.max(0, this.#limit - window.count),
      resetSeconds: Math.max(1, Math.ceil((window.resetAt - now) / 1000)),
    };
  }
}
