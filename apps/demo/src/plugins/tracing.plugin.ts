import { randomUUID } from 'node:crypto';
import { inject, plugin, TOKENS } from '@trellis/core';
import type { ExtensionRegistry } from '@trellis/core';
import { HTTP_SERVER } from '@trellis/http';
import type { FastifyInstance } from 'fastify';
import { mountOnce } from '../shared/mountOnce.js';

const HEADER = 'x-correlation-id';
const VALID_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Correlation ids: echoes a well-formed `X-Correlation-ID` or sets a fresh one on every answer, and
 * binds it to the request's log lines.
 */
@plugin({ name: 'tracing', version: '1.0.0', description: 'X-Correlation-ID on every answer' })
export class TracingPlugin {
  constructor(
    @inject(HTTP_SERVER) private readonly server: FastifyInstance,
    @inject(TOKENS.Extensions) private readonly registry: ExtensionRegistry,
  ) {}

  initialize(): void {
    const feature = mountOnce<TracingPlugin>(this.server, 'tracing', (mounted) => {
      this.server.addHook('onRequest', async (request, reply) => {
        const tracing = mounted.current;
        if (tracing === undefined || !tracing.registry.isOwnerEnabled('tracing')) return;
        const given = request.headers[HEADER];
        const id = typeof given === 'string' && VALID_ID.test(given) ? given : randomUUID();
        reply.header('X-Correlation-ID', id);
        request.log = request.log.child({ correlationId: id });
        await Promise.resolve();
      });
    });
    feature.current = this;
  }

  stop(): void {
    const feature = mountOnce<TracingPlugin>(this.server, 'tracing', () => undefined);
    if (feature.current === this) feature.current = undefined;
  }
}
