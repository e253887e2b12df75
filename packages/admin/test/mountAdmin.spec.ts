import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { hook, plugin, PluginManager } from '@trellis/core';
import { EventStream } from '../src/routes/EventStream.js';
import { StatusCache } from '../src/model/StatusCache.js';
import { mountAdmin } from '../src/routes/mountAdmin.js';
import { staticDir } from '../src/staticDir.js';
import type { AdminSources } from '../src/model/AdminSources.js';

@plugin({ name: 'clock', version: '1.0.0', description: 'Tells the time' })
class ClockPlugin {}

@plugin({
  name: 'greeter',
  version: '2.1.0',
  description: '<script>alert(1)</script>',
  dependencies: ['clock'],
})
class GreeterPlugin {
  @hook('user.login')
  greet(login: { username: string }): { username: string; greeting: string } {
    return { ...login, greeting: `Hi ${login.username}` };
  }
}

const TOKEN = 'secret-token-for-tests';

describe('mountAdmin', () => {
  let app: FastifyInstance;
  let manager: PluginManager;
  let base: string;
  let events: EventStream;
  let stopping = false;

  const start = async (publicRead = false): Promise<void> => {
    manager = new PluginManager({ logger: false });
    manager.register([ClockPlugin, GreeterPlugin]);
    manager.extensions.enableStats();
    await manager.start();
    app = Fastify();
    events = new EventStream();
    const sources: AdminSources = {
      manager,
      health: () => undefined,
      metrics: () => ({ contentType: 'text/plain; version=0.0.4; charset=utf-8', metrics: () => 'up 1\n' }),
      stopping: () => stopping,
      statusCache: new StatusCache(manager, { maxAgeMs: 0 }),
      protectedPlugins: () => ['clock'],
    };
    await mountAdmin(app, sources, {
      prefix: '/admin',
      token: TOKEN,
      publicRead,
      bodyLimit: 1024,
      staticDir: staticDir(),
      probes: true,
      events,
    });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
  };

  const auth = { authorization: `Bearer ${TOKEN}` };

  beforeEach(() => {
    stopping = false;
  });

  afterEach(async () => {
    events.closeAll();
    await app.close();
    await manager.close();
  });

  describe('when the probes are asked', () => {
    beforeEach(() => start());

    it('should answer liveness with ok', async () => {
      const response = await fetch(`${base}/health/live`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    });

    it('should answer readiness 200 while every plugin is started and 503 once stopping', async () => {
      expect((await fetch(`${base}/health/ready`)).status).toBe(200);
      stopping = true;
      const response = await fetch(`${base}/health/ready`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'not-ready', reasons: [expect.any(String)] });
    });

    it('should serve metrics as Prometheus text', async () => {
      const response = await fetch(`${base}/metrics`);
      expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4');
      expect(await response.text()).toBe('up 1\n');
    });
  });

  describe('when the API is called without the token', () => {
    beforeEach(() => start());

    it('should answer 401 with a code and no stack', async () => {
      const response = await fetch(`${base}/admin/api/plugins`);
      expect(response.status).toBe(401);
      const body = (await response.json()) as { error: Record<string, unknown> };
      expect(body.error.code).toBe('TRELLIS_ADMIN_UNAUTHORIZED');
      expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
    });

    it('should answer 401 to a wrong token of the same length', async () => {
      const wrong = TOKEN.replace(/.$/, 'X');
      const response = await fetch(`${base}/admin/api/plugins`, {
        headers: { authorization: `Bearer ${wrong}` },
      });
      expect(response.status).toBe(401);
    });

    it('should refuse a POST even with publicRead off', async () => {
      const response = await fetch(`${base}/admin/api/plugins/clock/disable`, { method: 'POST' });
      expect(response.status).toBe(401);
      expect(manager.status().find((row) => row.name === 'clock')?.enabled).toBe(true);
    });
  });

  describe('when publicRead is on', () => {
    beforeEach(() => start(true));

    it('should answer GET without a token but still refuse POST', async () => {
      expect((await fetch(`${base}/admin/api/plugins`)).status).toBe(200);
      expect((await fetch(`${base}/admin/api/plugins/greeter/disable`, { method: 'POST' })).status).toBe(401);
    });
  });

  describe('when the API is called with the token', () => {
    beforeEach(() => start());

    it('should list every plugin status', async () => {
      const rows = (await (await fetch(`${base}/admin/api/plugins`, { headers: auth })).json()) as {
        name: string;
        state: string;
      }[];
      expect(rows.map((row) => [row.name, row.state])).toEqual([
        ['clock', 'started'],
        ['greeter', 'started'],
      ]);
    });

    it('should describe one plugin with dependents and hooks', async () => {
      const clock = (await (await fetch(`${base}/admin/api/plugins/clock`, { headers: auth })).json()) as {
        dependents: string[];
      };
      expect(clock.dependents).toEqual(['greeter']);
      manager.trigger('user.login', { username: 'ada' });
      const greeter = (await (
        await fetch(`${base}/admin/api/plugins/greeter`, { headers: auth })
      ).json()) as {
        hooks: { event: string; calls: number }[];
      };
      expect(greeter.hooks).toEqual([expect.objectContaining({ event: 'user.login', calls: 1 })]);
    });

    it('should answer 404 with the core code for an unknown plugin', async () => {
      const response = await fetch(`${base}/admin/api/plugins/nope`, { headers: auth });
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'TRELLIS_PLUGIN_NOT_FOUND',
      );
    });

    it('should answer a plugin health from its state when no health service is installed', async () => {
      const response = await fetch(`${base}/admin/api/plugins/clock/health`, { headers: auth });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'healthy' });
    });

    it('should give the graph and the extension points with handler figures', async () => {
      const graph = (await (await fetch(`${base}/admin/api/graph`, { headers: auth })).json()) as {
        edges: { from: string; to: string }[];
      };
      expect(graph.edges).toEqual([expect.objectContaining({ from: 'greeter', to: 'clock' })]);
      manager.trigger('user.login', { username: 'ada' });
      const points = (await (
        await fetch(`${base}/admin/api/extension-points`, { headers: auth })
      ).json()) as {
        name: string;
        handlers: { plugin: string; calls: number; errors: number; meanMs: number }[];
      }[];
      const login = points.find((point) => point.name === 'user.login');
      expect(login?.handlers).toEqual([expect.objectContaining({ plugin: 'greeter', calls: 1, errors: 0 })]);
    });

    it('should disable and enable a plugin and answer its new status', async () => {
      const disabled = await fetch(`${base}/admin/api/plugins/greeter/disable`, {
        method: 'POST',
        headers: auth,
      });
      expect(await disabled.json()).toMatchObject({ name: 'greeter', enabled: false });
      expect(manager.trigger('user.login', { username: 'ada' })).toEqual({ username: 'ada' });
      const enabled = await fetch(`${base}/admin/api/plugins/greeter/enable`, {
        method: 'POST',
        headers: auth,
      });
      expect(await enabled.json()).toMatchObject({ name: 'greeter', enabled: true });
    });

    it('should reload a plugin and answer the report', async () => {
      const response = await fetch(`${base}/admin/api/plugins/greeter/reload`, {
        method: 'POST',
        headers: auth,
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ reloaded: ['greeter'], failed: [] });
    });

    it('should refuse with 409 to reload a plugin the admin runs on', async () => {
      const response = await fetch(`${base}/admin/api/plugins/clock/reload`, {
        method: 'POST',
        headers: auth,
      });
      expect(response.status).toBe(409);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'TRELLIS_ADMIN_RELOAD_REFUSED',
      );
    });

    it('should answer 413 to a body over the limit', async () => {
      const response = await fetch(`${base}/admin/api/plugins/greeter/enable`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ padding: 'x'.repeat(5000) }),
      });
      expect(response.status).toBe(413);
      const body = (await response.json()) as { error: { code: string } };
      expect(body.error.code).toBe('TRELLIS_ADMIN_BODY_TOO_LARGE');
    });

    it('should answer 404 with a code for an unknown admin route', async () => {
      const response = await fetch(`${base}/admin/api/nothing-here`, { headers: auth });
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'TRELLIS_ADMIN_NOT_FOUND',
      );
    });

    it('should stream lifecycle events', async () => {
      const controller = new AbortController();
      const response = await fetch(`${base}/admin/api/events`, { headers: auth, signal: controller.signal });
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      events.broadcast({ type: 'trellis.plugin.error', data: { plugin: 'greeter' } });
      let text = '';
      while (!text.includes('trellis.plugin.error')) text += (await reader.read()).value ?? '';
      expect(text).toContain('"plugin":"greeter"');
      controller.abort();
    });
  });

  describe('when the dashboard is opened', () => {
    beforeEach(() => start());

    it('should serve the page with a strict content security policy and no inline script', async () => {
      const response = await fetch(`${base}/admin/`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await response.text();
      expect(html).toContain('<script type="module" src="dashboard.js"></script>');
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    });

    it('should serve the script and redirect the bare prefix', async () => {
      expect((await fetch(`${base}/admin/dashboard.js`)).headers.get('content-type')).toContain('javascript');
      const bare = await fetch(`${base}/admin`, { redirect: 'manual' });
      expect([301, 302, 200]).toContain(bare.status);
    });
  });
});
