import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken } from '../auth/bearerToken.js';
import { tokenMatches } from '../auth/tokenMatches.js';
import { AdminError } from '../errors/AdminError.js';
import type { AdminSources } from '../model/AdminSources.js';
import { apiRoutes } from './apiRoutes.js';
import { dashboardRoutes } from './dashboardRoutes.js';
import type { MountOptions } from './MountOptions.js';
import { probeRoutes } from './probeRoutes.js';
import { SECURITY_HEADERS } from './SECURITY_HEADERS.js';
import { toErrorAnswer } from './toErrorAnswer.js';

const sendError = (reply: FastifyReply, error: unknown): FastifyReply => {
  const { status, body } = toErrorAnswer(error);
  return reply.code(status).send(body);
};

/**
 * Mounts the admin on a fastify instance that has not started listening: the probes and metrics at
 * the root, the dashboard at `<prefix>/` and the JSON API at `<prefix>/api`. Every route is in its
 * own encapsulated scope, so the host's error handlers and hooks are left as they are.
 */
export async function mountAdmin(
  app: FastifyInstance,
  sources: AdminSources,
  options: MountOptions,
): Promise<void> {
  const prefix = options.prefix === '/' ? '' : options.prefix.replace(/\/+$/, '');

  if (options.probes) await app.register(probeRoutes(sources));

  await app.register(
    async (admin) => {
      admin.addHook('onRoute', (route) => {
        route.bodyLimit ??= options.bodyLimit;
      });
      admin.addHook('onSend', async (_request, reply, payload) => {
        reply.headers(SECURITY_HEADERS);
        return payload;
      });
      admin.setErrorHandler((error, request, reply) => {
        const answer = toErrorAnswer(error);
        if (answer.status >= 500) request.log.error({ err: error }, 'admin API request failed');
        return reply.code(answer.status).send(answer.body);
      });
      admin.setNotFoundHandler((request, reply) =>
        sendError(
          reply,
          new AdminError(`No admin route answers ${request.method} ${request.url.split('?')[0] ?? ''}.`, {
            code: 'TRELLIS_ADMIN_NOT_FOUND',
            statusCode: 404,
          }),
        ),
      );

      await admin.register(
        async (api) => {
          api.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
            if (request.method === 'GET' && options.publicRead) return;
            const presented = bearerToken(request.headers.authorization);
            if (presented === undefined || !tokenMatches(presented, options.token)) {
              return sendError(
                reply,
                new AdminError(
                  'Missing or wrong admin token: send Authorization: Bearer <token> (TRELLIS_ADMIN_TOKEN, or the token printed at start).',
                  { code: 'TRELLIS_ADMIN_UNAUTHORIZED', statusCode: 401 },
                ),
              );
            }
          });
          await api.register(apiRoutes(sources, options));
        },
        { prefix: '/api' },
      );

      await admin.register(dashboardRoutes(options.staticDir));
    },
    { prefix },
  );
}
