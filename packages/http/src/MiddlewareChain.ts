import type { ExtensionRegistry, Logger } from '@trellis/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './errorBody.js';
import { HTTP_REQUEST, type HttpExchange } from './HTTP_REQUEST.js';
import type { HttpResponse } from './HttpMiddleware.js';

const FAIL_FAST = Object.freeze({ errorStrategy: 'fail-fast' } as const);
const JSON_TYPE = 'application/json; charset=utf-8';

/** A request that went past the middleware to its route: the onion waits for the route's answer. */
interface Pending {
  readonly onion: Promise<HttpResponse>;
  resolve(response: HttpResponse): void;
  reject(error: Error): void;
}

const isBody = (value: unknown): boolean =>
  typeof value === 'string' ||
  value === null ||
  Buffer.isBuffer(value) ||
  typeof (value as { pipe?: unknown } | undefined)?.pipe === 'function';

/**
 * Runs every request through the registry's middleware point `http.request` (fail-fast, highest
 * priority outermost) around fastify's own handling: the layers run in `onRequest` until the
 * innermost `next()`, fastify routes the request, and the route's answer travels back out through
 * the layers in `onSend`, where the final status, headers and body are applied. A layer that answers
 * without `next()` answers at once; a layer that throws gives a 500 with a code, no stack.
 */
export class MiddlewareChain {
  readonly #registry: ExtensionRegistry;
  readonly #logger: Logger;
  readonly #pending = new WeakMap<FastifyRequest, Pending>();

  constructor(registry: ExtensionRegistry, logger: Logger) {
    this.#registry = registry;
    this.#logger = logger;
  }

  /** Adds the hooks to `app` (before it boots). */
  install(app: FastifyInstance): void {
    app.addHook('onRequest', (request, reply, done) => {
      if (!this.#registry.hasHandlers(HTTP_REQUEST)) {
        done();
        return;
      }
      this.#enter(request, reply, done);
    });
    app.addHook('onSend', async (request, reply, payload) => {
      const pending = this.#pending.get(request);
      if (pending === undefined) return payload;
      this.#pending.delete(request);
      return this.#leave(pending, reply, payload);
    });
    app.addHook('onRequestAbort', (request, done) => {
      const pending = this.#pending.get(request);
      this.#pending.delete(request);
      pending?.reject(new Error('The client closed the connection before the answer was sent.'));
      done();
    });
  }

  #enter(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
    const pending = {} as { -readonly [K in keyof Pending]: Pending[K] };
    const answer = new Promise<HttpResponse>((resolve, reject) => {
      pending.resolve = resolve;
      pending.reject = reject;
    });
    let routed = false;
    const exchange: HttpExchange = {
      req: { method: request.method, url: request.url, headers: request.headers, request, reply, state: {} },
    };
    // The terminal may run before run() returns (every layer synchronous up to next()).
    pending.onion = this.#registry.run(
      HTTP_REQUEST,
      exchange,
      () => {
        routed = true;
        this.#pending.set(request, pending);
        done();
        return answer;
      },
      FAIL_FAST,
    );
    pending.onion.then(
      (response) => {
        if (!routed) MiddlewareChain.#send(reply, response);
      },
      (error: unknown) => {
        if (routed) return;
        reply.code(500).type(JSON_TYPE).send(this.#failure(error));
      },
    );
  }

  async #leave(pending: Pending, reply: FastifyReply, payload: unknown): Promise<unknown> {
    const headers = { ...reply.getHeaders() } as HttpResponse['headers'];
    pending.resolve({ statusCode: reply.statusCode, headers, body: payload });
    let response: HttpResponse;
    try {
      // fastify may route and answer synchronously inside the terminal, before run() has returned
      // and `pending.onion` is set: one microtask later it is.
      await Promise.resolve();
      response = await pending.onion;
    } catch (error) {
      reply.code(500);
      reply.header('content-type', JSON_TYPE);
      return this.#failure(error);
    }
    reply.code(response.statusCode);
    MiddlewareChain.#applyHeaders(reply, response.headers);
    if (response.body === payload || isBody(response.body)) return response.body;
    reply.header('content-type', JSON_TYPE);
    return JSON.stringify(response.body);
  }

  /** The 500 body for a failed middleware; the error (stack and all) goes to the log only. */
  #failure(error: unknown): string {
    const plugin = (error as { plugin?: unknown } | undefined)?.plugin;
    const owner = typeof plugin === 'string' ? ` of plugin '${plugin}'` : '';
    this.#logger.error(
      { err: error, plugin, code: 'TRELLIS_HTTP_MIDDLEWARE' },
      `HTTP middleware${owner} failed`,
    );
    return errorBody('TRELLIS_HTTP_MIDDLEWARE', `A middleware${owner} failed while handling the request.`);
  }

  static #send(reply: FastifyReply, response: HttpResponse): void {
    reply.code(response.statusCode);
    MiddlewareChain.#applyHeaders(reply, response.headers);
    if (isBody(response.body) || response.body === undefined) reply.send(response.body);
    else reply.type(JSON_TYPE).send(JSON.stringify(response.body));
  }

  static #applyHeaders(reply: FastifyReply, wanted: HttpResponse['headers']): void {
    const current: Record<string, unknown> = reply.getHeaders();
    for (const name of Object.keys(current)) if (!Object.hasOwn(wanted, name)) reply.removeHeader(name);
    for (const [name, value] of Object.entries(wanted)) {
      if (value === undefined) reply.removeHeader(name);
      else if (current[name] !== value) reply.header(name, value);
    }
  }
}
