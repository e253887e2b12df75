import type { ExtensionRegistry, Logger } from '@trellis/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './errorBody.js';
import { HTTP_REQUEST, type HttpExchange } from './HTTP_REQUEST.js';
import type { HttpResponse } from './HttpMiddleware.js';

const FAIL_FAST = Object.freeze({ errorStrategy: 'fail-fast' } as const);
const JSON_TYPE = 'application/json; charset=utf-8';

/** A request that went past the middleware to its route: the onion waits for the route's answer. */
interface Pending {
  /** Set as soon as `registry.run()` returns. */
  readonly onion: Promise<HttpResponse> | undefined;
  resolve(response: HttpResponse): void;
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

  readonly #closing: () => boolean;

  constructor(registry: ExtensionRegistry, logger: Logger, closing: () => boolean) {
    this.#registry = registry;
    this.#logger = logger;
    this.#closing = closing;
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
    // One callback-style hook (cheaper than an async one) for every answer.
    app.addHook('onSend', (request, reply, payload, done) => {
      // While the server stops, answers close their connection so it can finish.
      if (this.#closing()) void reply.header('connection', 'close');
      const pending = this.#pending.get(request);
      if (pending === undefined) {
        done(null, payload);
        return;
      }
      this.#pending.delete(request);
      // A failed layer becomes the 500 body; an answer fastify refuses (a bad status code) is
      // handed to fastify's error handling.
      this.#leave(pending, reply, payload).then(
        (body) => {
          done(null, body);
        },
        (error: unknown) => {
          done(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  #enter(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
    const pending = {} as { -readonly [K in keyof Pending]: Pending[K] };
    // A request whose answer never comes (a hijacked reply, a handler that never answers) leaves
    // this promise pending: nothing outside the request refers to it, so it is collected with it.
    const answer = new Promise<HttpResponse>((resolve) => {
      pending.resolve = resolve;
    });
    // 0: in the layers; 1: the innermost next() was called before run() returned; 2: routed.
    let stage = 0;
    const exchange: HttpExchange = {
      req: { method: request.method, url: request.url, headers: request.headers, request, reply, state: {} },
    };
    const route = (): void => {
      stage = 2;
      this.#pending.set(request, pending);
      done();
    };
    pending.onion = this.#registry.run(
      HTTP_REQUEST,
      exchange,
      () => {
        // When every layer is synchronous up to next(), this runs inside run(): fastify must not
        // route (and maybe answer) before `pending.onion` exists, so routing waits until it does.
        if (pending.onion === undefined) stage = 1;
        else route();
        return answer;
      },
      FAIL_FAST,
    );
    if (stage === 1) route();

    pending.onion.then(
      (response) => {
        if (stage === 2) return;
        try {
          MiddlewareChain.#send(reply, response);
        } catch (error) {
          reply.code(500).type(JSON_TYPE).send(this.#failure(error));
        }
      },
      (error: unknown) => {
        if (stage === 2) return;
        reply.code(500).type(JSON_TYPE).send(this.#failure(error));
      },
    );
  }

  async #leave(pending: Pending, reply: FastifyReply, payload: unknown): Promise<unknown> {
    // getHeaders() returns a fresh object: the layers may change it freely.
    const headers = reply.getHeaders() as HttpResponse['headers'];
    pending.resolve({ statusCode: reply.statusCode, headers, body: payload });
    let response: HttpResponse;
    try {
      response = await (pending.onion as Promise<HttpResponse>);
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
