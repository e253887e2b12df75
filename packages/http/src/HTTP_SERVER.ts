import { createToken } from '@trellis/core';
import type { FastifyInstance } from 'fastify';

/** The fastify instance `trellis.http` owns (what {@link HTTP_SERVER} resolves to). */
export type HttpServer = FastifyInstance;

/**
 * The token of the fastify instance owned by `trellis.http`. It exists from the end of
 * `trellis.http`'s `initialize`; a plugin that injects it (and so depends on `trellis.http`) may add
 * routes, hooks and fastify plugins to it in its own `initialize` or `start` — until the server
 * boots, at the end of the host's `start()` (or at the first request). A fastify instance is a
 * thenable: it is injected as it is, never awaited.
 *
 * @example
 * ```ts
 * @plugin({ name: 'status' })
 * class Status {
 *   constructor(@inject(HTTP_SERVER) server: FastifyInstance) {
 *     server.get('/status', async () => ({ ok: true }));
 *   }
 * }
 * ```
 */
export const HTTP_SERVER = createToken<HttpServer>('trellis.http.server');
