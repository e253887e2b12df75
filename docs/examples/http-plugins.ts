import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { PluginManager, inject, plugin } from '@trellis/core';
import {
  HTTP_SERVER,
  HttpPlugin,
  type HttpMiddleware,
  type HttpNext,
  type HttpRequestContext,
  type HttpRouter,
  type HttpRoutes,
  type HttpServer,
} from '@trellis/http';

// A middleware plugin: runs around every request, highest middlewarePriority outermost.
@plugin({ name: 'correlation' })
class CorrelationPlugin implements HttpMiddleware {
  readonly middlewarePriority = 90;

  async processRequest(req: HttpRequestContext, next: HttpNext) {
    const id =
      typeof req.headers['x-correlation-id'] === 'string' ? req.headers['x-correlation-id'] : randomUUID();
    req.state.correlationId = id;
    const res = await next(req);
    res.headers['x-correlation-id'] = id;
    return res;
  }
}

// A routes plugin: its routes live under /plugins/greetings (or its own http.prefix).
@plugin({ name: 'greetings' })
class GreetingsPlugin implements HttpRoutes {
  routes(router: HttpRouter) {
    router.get('/:name', (request) => ({ greeting: `Hello, ${(request.params as { name: string }).name}!` }));
  }
}

// A plugin that works with the fastify instance itself: it injects HTTP_SERVER (so it depends on
// trellis.http) and adds its routes and hooks in initialize, before the server boots.
@plugin({ name: 'status' })
class StatusPlugin {
  constructor(@inject(HTTP_SERVER) private readonly server: HttpServer) {}

  initialize() {
    this.server.get('/status', () => ({ ok: true }));
  }
}

const manager = new PluginManager({
  logger: false,
  config: { 'trellis.http': { host: '127.0.0.1', port: 0 } }, // port 0: a free port
});
manager.register([HttpPlugin, CorrelationPlugin, GreetingsPlugin, StatusPlugin]);
await manager.start();
const base = manager.getPlugin(HttpPlugin)?.url ?? '';

const greeting = await fetch(`${base}/plugins/greetings/Ada`, { headers: { 'x-correlation-id': 'req-1' } });
assert.equal(await greeting.text(), '{"greeting":"Hello, Ada!"}');
assert.equal(greeting.headers.get('x-correlation-id'), 'req-1');

assert.equal(await (await fetch(`${base}/status`)).text(), '{"ok":true}');

// A disabled plugin's routes answer 404 at once (and its middleware is skipped).
manager.disablePlugin('greetings');
const gone = await fetch(`${base}/plugins/greetings/Ada`);
assert.equal(gone.status, 404);
assert.equal(((await gone.json()) as { error: { code: string } }).error.code, 'TRELLIS_HTTP_NOT_FOUND');

await manager.close(); // in-flight requests finish, then the server closes
