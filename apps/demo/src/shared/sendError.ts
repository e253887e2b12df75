import type { FastifyReply } from 'fastify';

/** Answers `{ error: { code, message, ...extra } }` with the given status. */
export function sendError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): FastifyReply {
  return reply.code(status).send({ error: { code, message, ...extra } });
}
