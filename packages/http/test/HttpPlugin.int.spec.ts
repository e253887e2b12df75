import { createServer, type Server } from 'node:net';
import { definePlugin, PluginManager, type PluginClass } from '@trellis/core';
import type { FastifyInstance } from 'fastify';
import {
  HTTP_SERVER,
  HttpPlugin,
  type HttpNext,
  type HttpRequestContext,
  type HttpRouter,
} from '../src/index.js';
import { recordingLogger, type RecordedLog } from '@trellis/testing';

/** A plugin of the given name whose prototype gets `members` (methods and properties). */
function pluginWith(
  name: string,
  members: Record<string, unknown>,
  options: Record<string, unknown> = {},
): PluginClass {
  const Defined = definePlugin({ name, ...options });
  Object.assign(Defined.prototype as object, members);
  return Defined;
}

/** A middleware plugin that records its name on the way in and out and tags the answer. */
function tagger(name: string, priority: number | undefined, trail: string[]): PluginClass {
  return pluginWith(name, {
    middlewarePriority: priority,
    async processRequest(req: HttpRequestContext, next: HttpNext) {
      trail.push(`${name}:in`);
      const res = await next(req);
      trail.push(`${name}:out`);
      res.headers[`x-${name}`] = 'seen';
      return res;
    },
  });
}

describe('HttpPlugin', () => {
  let manager: PluginManager;
  let base: string;
  let logs: RecordedLog[];

  async function startWith(plugins: PluginClass[], config: Record<string, unknown> = {}): Promise<void> {
    const { logger, entries } = recordingLogger();
    logs = entries;
    manager = new PluginManager({ logger, config: { 'trellis.http': { port: 0 }, ...config } });
    manager.register([HttpPlugin, ...plugins]);
    await manager.start();
    const url = manager.getPlugin(HttpPlugin)?.url;
    if (url === undefined) throw new Error('trellis.http does not listen');
    base = url;
  }

  const errorsNaming = (plugin: string): RecordedLog[] =>
    logs.filter((entry) => entry.level === 'error' && entry.fields.plugin === plugin);

  afterEach(async () => {
    await manager.close();
  });

  describe('when it starts', () => {
    it('should listen on 127.0.0.1 at a free port with port 0', async () => {
      await startWith([]);
      expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    });

    it('should answer an unknown route with 404 and a code', async () => {
      await startWith([]);
      const response = await fetch(`${base}/nowhere?x=1`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        error: { code: 'TRELLIS_HTTP_NOT_FOUND', message: 'No route answers GET /nowhere.' },
      });
    });

    it('should fail with TRELLIS_HTTP_LISTEN when the port is taken', async () => {
      const blocker: Server = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      const { port } = blocker.address() as { port: number };
      try {
        manager = new PluginManager({ logger: false, config: { 'trellis.http': { port } } });
        manager.register(HttpPlugin);
        const report = await manager.start();
        expect(report.failed.map((failure) => failure.name)).toEqual(['trellis.http']);
        const cause = (report.failed[0]?.error as { cause?: { code?: string; message?: string } }).cause;
        expect(cause?.code).toBe('TRELLIS_HTTP_LISTEN');
        expect(cause?.message).toContain(`127.0.0.1:${port}`);
      } finally {
        await new Promise((resolve) => blocker.close(resolve));
      }
    });
  });

  describe('when it runs behind a proxy', () => {
    const WhoAmI = pluginWith('whoami', {
      routes(router: HttpRouter) {
        router.get('/', (request) => ({ ip: request.ip }));
      },
    });
    const ask = async (): Promise<unknown> =>
      (await fetch(`${base}/plugins/whoami`, { headers: { 'x-forwarded-for': '203.0.113.7' } })).json();

    it("should ignore X-Forwarded-For unless the proxy's address is trusted", async () => {
      await startWith([WhoAmI]);
      expect(await ask()).toEqual({ ip: '127.0.0.1' });
    });

    it('should take the client address from X-Forwarded-For of a trusted proxy', async () => {
      await startWith([WhoAmI], { 'trellis.http': { port: 0, trustProxy: ['loopback'] } });
      expect(await ask()).toEqual({ ip: '203.0.113.7' });
    });

    it('should fail to start on an entry that is not an address, a subnet or a known name', async () => {
      manager = new PluginManager({
        logger: false,
        config: { 'trellis.http': { port: 0, trustProxy: ['10.0.0.0/8', 'every proxy'] } },
      });
      manager.register(HttpPlugin);
      const report = await manager.start();
      const cause = (report.failed[0]?.error as { cause?: { code?: string; message?: string } }).cause;
      expect(cause?.code).toBe('TRELLIS_VALIDATION');
      expect(cause?.message).toContain('trustProxy entry "every proxy"');
    });
  });

  describe('when a plugin declares routes', () => {
    const Users = pluginWith('users', {
      routes(router: HttpRouter) {
        router.get('/', () => ({ prefix: router.prefix }));
        router.get('/:id', (request) => ({ id: (request.params as { id: string }).id }));
        router.post('/', (request, reply) => {
          void reply.code(201);
          return { created: request.body };
        });
        router.delete('/:id', () => undefined);
        router.get('/files/*', (request) => ({ rest: (request.params as Record<string, string>)['*'] }));
      },
    });

    it('should mount them under /plugins/<name>', async () => {
      await startWith([Users]);
      expect(await (await fetch(`${base}/plugins/users`)).json()).toEqual({ prefix: '/plugins/users' });
      expect(await (await fetch(`${base}/plugins/users/a%20b`)).json()).toEqual({ id: 'a b' });
      expect(await (await fetch(`${base}/plugins/users/files/x/y.txt`)).json()).toEqual({ rest: 'x/y.txt' });
    });

    it('should take the return value as the answer, with the body parsed', async () => {
      await startWith([Users]);
      const created = await fetch(`${base}/plugins/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'ada' }),
      });
      expect(created.status).toBe(201);
      expect(await created.json()).toEqual({ created: { name: 'ada' } });
      expect((await fetch(`${base}/plugins/users/7`, { method: 'DELETE' })).status).toBe(204);
    });

    it('should mount them under the http.prefix of its config section', async () => {
      await startWith([Users], { users: { http: { prefix: '/api/users' } } });
      expect(await (await fetch(`${base}/api/users/3`)).json()).toEqual({ id: '3' });
      expect((await fetch(`${base}/plugins/users/3`)).status).toBe(404);
    });

    it('should mount them under the http.prefix of its @plugin options', async () => {
      const Root = pluginWith(
        'root',
        {
          routes: (router: HttpRouter) => {
            router.get('/hello', () => 'hi');
          },
        },
        {
          http: { prefix: '/' },
        },
      );
      await startWith([Root]);
      expect(await (await fetch(`${base}/hello`)).text()).toBe('hi');
    });

    it('should answer 500 with a code and no stack when a route handler throws, and keep serving', async () => {
      const Faulty = pluginWith('faulty', {
        routes(router: HttpRouter) {
          router.get('/boom', () => {
            throw new Error('secret detail');
          });
          router.get('/ok', () => 'ok');
        },
      });
      await startWith([Faulty]);
      const failed = await fetch(`${base}/plugins/faulty/boom`);
      expect(failed.status).toBe(500);
      const text = await failed.text();
      expect(JSON.parse(text)).toEqual({
        error: { code: 'TRELLIS_HTTP_INTERNAL', message: 'Internal server error; see the host logs.' },
      });
      expect(text).not.toContain('secret detail');
      expect(text).not.toContain('at ');
      expect(await (await fetch(`${base}/plugins/faulty/ok`)).text()).toBe('ok');
    });

    it('should answer 404 for the routes of a disabled plugin at once, and again when enabled', async () => {
      await startWith([Users]);
      manager.disablePlugin('users');
      expect((await fetch(`${base}/plugins/users/1`)).status).toBe(404);
      manager.enablePlugin('users');
      expect((await fetch(`${base}/plugins/users/1`)).status).toBe(200);
    });

    it('should serve the routes of a reloaded plugin from its new instance', async () => {
      let generation = 0;
      const Versioned = pluginWith('versioned', {
        initialize(this: { generation: number }) {
          generation += 1;
          this.generation = generation;
        },
        routes(this: { generation: number }, router: HttpRouter) {
          router.get('/gen', () => ({ generation: this.generation }));
        },
      });
      await startWith([Versioned]);
      expect(await (await fetch(`${base}/plugins/versioned/gen`)).json()).toEqual({ generation: 1 });
      await manager.reload('versioned');
      expect(await (await fetch(`${base}/plugins/versioned/gen`)).json()).toEqual({ generation: 2 });
    });
  });

  describe('when routes are malformed', () => {
    const First = pluginWith(
      'first',
      {
        routes: (router: HttpRouter) => {
          router.get('/users/:id', () => 'first');
        },
      },
      {
        http: { prefix: '/api' },
      },
    );
    const Second = pluginWith(
      'second',
      {
        routes(router: HttpRouter) {
          router.get('/health', () => 'second');
          router.get('/users/:name', () => 'second');
        },
      },
      { http: { prefix: '/api' } },
    );

    it('should report a conflict naming both plugins, mount none of the second plugin and keep serving', async () => {
      await startWith([First, Second]);
      const [error] = errorsNaming('second');
      expect(error?.fields.code).toBe('TRELLIS_HTTP_ROUTE_CONFLICT');
      expect(error?.message).toContain("plugin 'second'");
      expect(error?.message).toContain("plugin 'first'");
      expect(error?.message).toContain('GET /api/users/:name');
      expect(await (await fetch(`${base}/api/users/1`)).text()).toBe('first');
      expect((await fetch(`${base}/api/health`)).status).toBe(404);
    });

    it.each([
      ['no leading slash', 'users'],
      ['a space', '/a b'],
      ['a wildcard before the end', '/*/x'],
      ['a repeated param', '/:id/:id'],
      ['a non-string path', 42],
    ])('should report a path with %s naming the plugin and keep serving', async (_label, path) => {
      const Bad = pluginWith('bad', {
        routes(router: HttpRouter) {
          router.get('/fine', () => 'fine');
          router.get(path as string, () => 'never');
        },
      });
      const Good = pluginWith('good', {
        routes: (router: HttpRouter) => {
          router.get('/', () => 'good');
        },
      });
      await startWith([Bad, Good]);
      const [error] = errorsNaming('bad');
      expect(error?.fields.code).toBe('TRELLIS_HTTP_ROUTE');
      expect(error?.message).toContain("Plugin 'bad'");
      expect((await fetch(`${base}/plugins/bad/fine`)).status).toBe(404);
      expect(await (await fetch(`${base}/plugins/good`)).text()).toBe('good');
    });

    it('should report an invalid http.prefix naming the plugin', async () => {
      const Odd = pluginWith(
        'odd',
        {
          routes: (router: HttpRouter) => {
            router.get('/', () => 'x');
          },
        },
        {
          http: { prefix: 'no-slash' },
        },
      );
      await startWith([Odd]);
      const [error] = errorsNaming('odd');
      expect(error?.fields.code).toBe('TRELLIS_HTTP_ROUTE');
      expect(error?.message).toContain("Plugin 'odd' asks for an invalid http.prefix");
    });
  });

  describe('when middleware plugins are loaded', () => {
    const Hello = pluginWith('hello', {
      routes: (router: HttpRouter) => {
        router.get('/', (request) => ({ seen: request.headers['x-user'] ?? null }));
      },
    });

    it('should run them as an onion, highest priority outermost, around every request', async () => {
      const trail: string[] = [];
      await startWith([
        tagger('low', 10, trail),
        tagger('high', 90, trail),
        tagger('plain', undefined, trail),
        Hello,
      ]);
      const response = await fetch(`${base}/plugins/hello`);
      expect(response.status).toBe(200);
      expect(trail).toEqual(['high:in', 'plain:in', 'low:in', 'low:out', 'plain:out', 'high:out']);
      expect(response.headers.get('x-high')).toBe('seen');
      expect(response.headers.get('x-low')).toBe('seen');
      trail.length = 0;
      expect((await fetch(`${base}/missing`)).status).toBe(404);
      expect(trail).toHaveLength(6);
    });

    it('should let a layer change the request, the status and the body', async () => {
      const Auth = pluginWith('auth', {
        async processRequest(req: HttpRequestContext, next: HttpNext) {
          req.headers['x-user'] = 'ada';
          const res = await next(req);
          return { ...res, statusCode: 202, body: { wrapped: JSON.parse(String(res.body)) as unknown } };
        },
      });
      await startWith([Auth, Hello]);
      const response = await fetch(`${base}/plugins/hello`);
      expect(response.status).toBe(202);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(await response.json()).toEqual({ wrapped: { seen: 'ada' } });
    });

    it('should let a layer answer without calling next', async () => {
      const trail: string[] = [];
      const Limit = pluginWith('limit', {
        middlewarePriority: 80,
        processRequest: () => ({
          statusCode: 429,
          headers: { 'retry-after': '60' },
          body: { error: 'slow down' },
        }),
      });
      await startWith([tagger('outer', 90, trail), Limit, tagger('inner', 10, trail), Hello]);
      const response = await fetch(`${base}/plugins/hello`);
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('60');
      expect(response.headers.get('x-outer')).toBe('seen');
      expect(await response.json()).toEqual({ error: 'slow down' });
      expect(trail).toEqual(['outer:in', 'outer:out']);
    });

    it('should answer 500 with a code and no stack when a middleware throws, and keep serving', async () => {
      let fail = true;
      const Flaky = pluginWith('flaky', {
        processRequest(req: HttpRequestContext, next: HttpNext) {
          if (fail) throw new Error('secret detail');
          return next(req);
        },
      });
      await startWith([Flaky, Hello]);
      const failed = await fetch(`${base}/plugins/hello`);
      expect(failed.status).toBe(500);
      const text = await failed.text();
      expect(JSON.parse(text)).toEqual({
        error: {
          code: 'TRELLIS_HTTP_MIDDLEWARE',
          message: "A middleware of plugin 'flaky' failed while handling the request.",
        },
      });
      expect(text).not.toContain('secret');
      expect(errorsNaming('flaky').length).toBeGreaterThan(0);
      fail = false;
      expect((await fetch(`${base}/plugins/hello`)).status).toBe(200);
    });

    it('should answer 500 when a middleware throws after next, and when it returns no answer', async () => {
      const Late = pluginWith('late', {
        async processRequest(req: HttpRequestContext, next: HttpNext) {
          await next(req);
          throw new Error('after');
        },
      });
      await startWith([Late, Hello]);
      expect((await fetch(`${base}/plugins/hello`)).status).toBe(500);
    });

    it('should report a layer that answers with something else, naming the plugin', async () => {
      const Wrong = pluginWith('wrong', { processRequest: () => 'nope' });
      await startWith([Wrong, Hello]);
      const response = await fetch(`${base}/plugins/hello`);
      expect(response.status).toBe(500);
      expect(await response.json()).toMatchObject({ error: { code: 'TRELLIS_HTTP_MIDDLEWARE' } });
      const [error] = errorsNaming('wrong');
      expect(String((error?.fields.err as { message?: string } | undefined)?.message)).toContain(
        'processRequest() of plugin \'wrong\' returned "nope"',
      );
    });

    it('should keep the bodies of 404s and of handlers that answer through reply.send', async () => {
      const trail: string[] = [];
      const Sender = pluginWith('sender', {
        routes(router: HttpRouter) {
          router.get('/sync', (_request, reply) => {
            void reply.send('sync');
          });
          router.get('/async', async (_request, reply) => {
            await new Promise((resolve) => setTimeout(resolve, 1));
            void reply.code(202).send('async');
          });
        },
      });
      await startWith([tagger('wrap', 50, trail), Sender]);
      const missing = await fetch(`${base}/nowhere`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ error: { code: 'TRELLIS_HTTP_NOT_FOUND' } });
      expect(await (await fetch(`${base}/plugins/sender/sync`)).text()).toBe('sync');
      const late = await fetch(`${base}/plugins/sender/async`);
      expect(late.status).toBe(202);
      expect(await late.text()).toBe('async');
      expect(logs.filter((entry) => entry.level === 'error' || entry.level === 'warn')).toEqual([]);
    });

    it('should answer 500 when a layer answers with a status code fastify refuses', async () => {
      const Odd = pluginWith('odd', {
        processRequest: () => ({ statusCode: 99, headers: {}, body: 'x' }),
      });
      const Late = pluginWith('late-odd', {
        async processRequest(req: HttpRequestContext, next: HttpNext) {
          const res = await next(req);
          return { ...res, statusCode: 1234 };
        },
      });
      await startWith([Odd]);
      expect((await fetch(`${base}/anything`)).status).toBe(500);
      await manager.close();
      await startWith([Late, Hello]);
      expect((await fetch(`${base}/plugins/hello`)).status).toBe(500);
      expect((await fetch(`${base}/plugins/hello`)).status).toBe(500);
    });

    it('should skip the middleware of a disabled plugin at once', async () => {
      const trail: string[] = [];
      await startWith([tagger('gate', 50, trail), Hello]);
      manager.disablePlugin('gate');
      const response = await fetch(`${base}/plugins/hello`);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-gate')).toBeNull();
      expect(trail).toEqual([]);
    });
  });

  describe('when a plugin uses HTTP_SERVER', () => {
    it('should let it add routes and hooks in its initialize before the server boots', async () => {
      const Status = definePlugin({
        name: 'status',
        inject: { server: HTTP_SERVER },
        initialize() {
          const server: FastifyInstance = this.server;
          server.get('/status', () => ({ ok: true }));
          server.addHook('onSend', (_request, reply, payload, done) => {
            void reply.header('x-status-hook', '1');
            done(null, payload);
          });
        },
      });
      await startWith([Status]);
      const response = await fetch(`${base}/status`);
      expect(await response.json()).toEqual({ ok: true });
      expect(response.headers.get('x-status-hook')).toBe('1');
    });
  });

  describe('when it stops', () => {
    it('should let an in-flight request finish, then refuse connections', async () => {
      let release!: () => void;
      let arrived!: () => void;
      const arrival = new Promise<void>((resolve) => (arrived = resolve));
      const Slow = pluginWith('slow', {
        routes(router: HttpRouter) {
          router.get('/', async () => {
            arrived();
            await new Promise<void>((resolve) => (release = resolve));
            return { done: true };
          });
        },
      });
      await startWith([Slow]);
      const inFlight = fetch(`${base}/plugins/slow`);
      await arrival;
      const stopping = manager.stop();
      setTimeout(() => {
        release();
      }, 20);
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ done: true });
      await stopping;
      await expect(fetch(`${base}/plugins/slow`)).rejects.toThrow();
    });

    it('should listen again on a new start', async () => {
      await startWith([
        pluginWith('again', {
          routes: (router: HttpRouter) => {
            router.get('/', () => 'again');
          },
        }),
      ]);
      await manager.stop();
      await manager.start();
      const url = manager.getPlugin(HttpPlugin)?.url ?? '';
      expect(await (await fetch(`${url}/plugins/again`)).text()).toBe('again');
    });
  });

  describe('request logs', () => {
    it('should go through the manager logger', async () => {
      await startWith([]);
      await fetch(`${base}/nowhere`);
      expect(
        logs.some((entry) => entry.message === 'request completed' && entry.fields.plugin === 'trellis.http'),
      ).toBe(true);
    });
  });
});
