/* eslint-disable @typescript-eslint/require-await -- fastify handlers and plugins are async so that a throw becomes the error handler's answer */
import type { FastifyInstance } from 'fastify';
import type { AdminSources } from '../model/AdminSources.js';
import { readinessOf } from '../model/readinessOf.js';

/** `GET /health/live`, `GET /health/ready` and `GET /metrics`, at the root of the host's server. */
export function probeRoutes(sources: AdminSources) {
  return async (scope: FastifyInstance): Promise<void> => {
    scope.get('/health/live', async (_request, reply) =>
      reply.header('Cache-Control', 'no-store').send({ status: 'ok' }),
    );

    scope.get('/health/ready', async (_request, reply) => {
      const readiness = await readinessOf(sources);
      return reply
        .header('Cache-Control', 'no-store')
        .code(readiness.status === 'ready' ? 200 : 503)
        .send(readiness);
    });

    scope.get('/metrics', async (_request, reply) => {
      const metrics = sources.metrics();
      if (metrics === undefined) {
        return reply.code(404).send({
          error: {
            code: 'TRELLIS_ADMIN_METRICS_UNAVAILABLE',
            message: 'No metrics service is installed: register MetricsPlugin from @trellis/metrics.',
          },
        });
      }
      const text = await metrics.metrics();
      return reply.header('Cache-Control', 'no-store').type(metrics.contentType).send(text);
    });
  };
}
