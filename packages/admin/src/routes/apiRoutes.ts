/* eslint-disable @typescript-eslint/require-await -- fastify handlers and plugins are async so that a throw becomes the error handler's answer */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AdminError } from '../errors/AdminError.js';
import type { AdminSources } from '../model/AdminSources.js';
import { deadLettersOf } from '../model/deadLettersOf.js';
import { extensionPointsOf } from '../model/extensionPointsOf.js';
import { pluginDetailOf, statusOf } from '../model/pluginDetailOf.js';
import { pluginHealthOf } from '../model/pluginHealthOf.js';
import type { MountOptions } from './MountOptions.js';
import { SECURITY_HEADERS } from './SECURITY_HEADERS.js';

type NamedRequest = FastifyRequest<{ Params: { name: string } }>;

const describeFailure = (error: unknown): { code: string; message: string } => ({
  code:
    typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
      ? error.code
      : 'TRELLIS_PLUGIN_LOAD',
  message: error instanceof Error ? error.message : String(error),
});

/** The JSON API under `<prefix>/api` (authentication is the caller's hook). */
export function apiRoutes(sources: AdminSources, options: Pick<MountOptions, 'events'>) {
  const { manager } = sources;
  return async (api: FastifyInstance): Promise<void> => {
    api.get('/plugins', async (_request, reply) =>
      reply.type('application/json; charset=utf-8').send(sources.statusCache.json()),
    );

    api.get('/plugins/:name', async (request: NamedRequest) => pluginDetailOf(manager, request.params.name));

    api.get('/plugins/:name/health', async (request: NamedRequest, reply) => {
      const result = await pluginHealthOf(sources, statusOf(manager, request.params.name));
      return reply.code(result.status === 'unhealthy' ? 503 : 200).send(result);
    });

    api.get('/graph', async () => {
      const graph = manager.graph();
      return { nodes: graph.nodes, edges: graph.edges, order: graph.order, cycles: graph.cycles };
    });

    api.get('/extension-points', async () => extensionPointsOf(manager.extensions));

    api.get('/dead-letters', async () => deadLettersOf(manager));

    api.post('/plugins/:name/reload', async (request: NamedRequest) => {
      const { name } = request.params;
      statusOf(manager, name);
      if (sources.protectedPlugins().includes(name)) {
        throw new AdminError(
          `Plugin '${name}' runs the admin API itself and cannot be reloaded through it; restart the host instead.`,
          { code: 'TRELLIS_ADMIN_RELOAD_REFUSED', statusCode: 409 },
        );
      }
      let report;
      try {
        sources.statusCache.invalidate();
        report = await manager.reload(name);
      } catch (error) {
        if (error instanceof AdminError) throw error;
        const failure = describeFailure(error);
        if (failure.code === 'TRELLIS_PLUGIN_NOT_FOUND') throw error;
        throw new AdminError(
          `Reload of plugin '${name}' was rejected, the running version keeps serving: [${failure.code}] ${failure.message}`,
          { code: 'TRELLIS_ADMIN_RELOAD_REJECTED', statusCode: 409, cause: error },
        );
      }
      sources.statusCache.invalidate();
      return {
        reloaded: report.reloaded,
        failed: report.failed.map((entry) => ({ name: entry.name, error: describeFailure(entry.error) })),
      };
    });

    api.post('/plugins/:name/enable', async (request: NamedRequest) => {
      manager.enablePlugin(request.params.name);
      sources.statusCache.invalidate();
      options.events.broadcast({ type: 'trellis.admin.enabled', data: { plugin: request.params.name } });
      return statusOf(manager, request.params.name);
    });

    api.post('/plugins/:name/disable', async (request: NamedRequest) => {
      manager.disablePlugin(request.params.name);
      sources.statusCache.invalidate();
      options.events.broadcast({ type: 'trellis.admin.disabled', data: { plugin: request.params.name } });
      return statusOf(manager, request.params.name);
    });

    api.get('/events', (request, reply) => {
      reply.hijack();
      options.events.attach(reply.raw, SECURITY_HEADERS);
      request.raw.on('close', () => reply.raw.end());
    });
  };
}
