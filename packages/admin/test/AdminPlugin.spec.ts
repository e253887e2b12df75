import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { hook, plugin, PluginManager } from '@trellis/core';
import { HealthPlugin } from '@trellis/health';
import { HttpPlugin } from '@trellis/http';
import { MetricsPlugin } from '@trellis/metrics';
import { AdminPlugin } from '../src/index.js';

@plugin({ name: 'greeter', version: '1.0.0', description: 'Greets' })
class GreeterPlugin {
  @hook('user.login')
  greet(login: { username: string }): { username: string; greeting: string } {
    return { ...login, greeting: `Hi ${login.username}` };
  }

  checkHealth(): { status: 'degraded'; message: string } {
    return { status: 'degraded', message: 'slow today' };
  }
}

describe('AdminPlugin', () => {
  let manager: PluginManager | undefined;
  const previousToken = process.env.TRELLIS_ADMIN_TOKEN;

  afterEach(async () => {
    await manager?.close();
    manager = undefined;
    if (previousToken === undefined) delete process.env.TRELLIS_ADMIN_TOKEN;
    else process.env.TRELLIS_ADMIN_TOKEN = previousToken;
    jest.restoreAllMocks();
  });

  const start = async (
    admin: Record<string, unknown> = {},
  ): Promise<{ base: string; admin: AdminPlugin }> => {
    manager = new PluginManager({
      logger: false,
      config: { 'trellis.http': { host: '127.0.0.1', port: 0 }, 'trellis.admin': admin },
    });
    manager.register([HttpPlugin, HealthPlugin, MetricsPlugin, AdminPlugin, GreeterPlugin]);
    const report = await manager.start();
    expect(report.failed).toEqual([]);
    const instance = manager.getPlugin<AdminPlugin>('trellis.admin');
    const base = instance?.baseUrl();
    if (instance === undefined || base === undefined) throw new Error('admin did not start');
    return { base, admin: instance };
  };

  describe('when mounted on the host server with a configured token', () => {
    it('should answer the probes, metrics and the API behind the token', async () => {
      const { base } = await start({ token: 'configured-token' });
      expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect((await fetch(`${base}health/live`)).status).toBe(200);
      const ready = await fetch(`${base}health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready' });
      manager?.trigger('user.login', { username: 'ada' });
      const metrics = await fetch(`${base}metrics`);
      expect(metrics.headers.get('content-type')).toContain('text/plain');
      expect(await metrics.text()).toContain('trellis_hook_calls_total');
      expect((await fetch(`${base}admin/api/plugins`)).status).toBe(401);
      const rows = await fetch(`${base}admin/api/plugins`, {
        headers: { authorization: 'Bearer configured-token' },
      });
      expect(rows.status).toBe(200);
    });

    it("should answer a plugin's own health check result", async () => {
      const { base } = await start({ token: 'configured-token' });
      const response = await fetch(`${base}admin/api/plugins/greeter/health`, {
        headers: { authorization: 'Bearer configured-token' },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'degraded', message: 'slow today' });
    });

    it('should never show the token in status()', async () => {
      await start({ token: 'configured-token' });
      expect(JSON.stringify(manager?.status())).not.toContain('configured-token');
    });

    it('should refuse to reload the HTTP server it runs on', async () => {
      const { base } = await start({ token: 'configured-token' });
      const response = await fetch(`${base}admin/api/plugins/trellis.http/reload`, {
        method: 'POST',
        headers: { authorization: 'Bearer configured-token' },
      });
      expect(response.status).toBe(409);
    });
  });

  describe('when requests carry the token and logging is at its most verbose', () => {
    it('should never log the token', async () => {
      const logged: string[] = [];
      manager = new PluginManager({
        logger: {
          level: 'trace',
          hooks: {
            // Every line exactly as pino would write it, after its serializers (kept, not printed).
            streamWrite(line: string): string {
              logged.push(line);
              return '';
            },
          },
        },
        config: {
          'trellis.http': { host: '127.0.0.1', port: 0 },
          'trellis.admin': { token: 'never-log-me-42' },
        },
      });
      manager.register([HttpPlugin, HealthPlugin, MetricsPlugin, AdminPlugin, GreeterPlugin]);
      const writes = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
      await manager.start();
      const base = manager.getPlugin<AdminPlugin>('trellis.admin')?.baseUrl() ?? '';
      const auth = { authorization: 'Bearer never-log-me-42' };
      await fetch(`${base}admin/api/plugins`, { headers: auth });
      await fetch(`${base}admin/api/plugins/greeter/reload`, { method: 'POST', headers: auth });
      await fetch(`${base}admin/api/plugins/nope`, { headers: auth });
      await fetch(`${base}admin/api/plugins`, { headers: { authorization: 'Bearer wrong' } });
      await manager.close();
      manager = undefined;
      writes.mockRestore();
      expect(logged.length).toBeGreaterThan(0);
      expect(logged.filter((line) => line.includes('never-log-me-42'))).toEqual([]);
    });
  });

  describe('when the token comes from TRELLIS_ADMIN_TOKEN', () => {
    it('should use it', async () => {
      process.env.TRELLIS_ADMIN_TOKEN = 'from-the-environment';
      const { base, admin } = await start();
      expect(admin.token).toBe('from-the-environment');
      const response = await fetch(`${base}admin/api/graph`, {
        headers: { authorization: 'Bearer from-the-environment' },
      });
      expect(response.status).toBe(200);
    });
  });

  describe('when no token is configured', () => {
    it('should generate one and print the dashboard URL with it once', async () => {
      delete process.env.TRELLIS_ADMIN_TOKEN;
      const writes: string[] = [];
      jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        writes.push(String(chunk));
        return true;
      });
      const { base, admin } = await start();
      expect(admin.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      const lines = writes.filter((line) => line.includes('#token='));
      expect(lines).toEqual([`Trellis admin dashboard: ${base}admin/#token=${admin.token}\n`]);
    });
  });

  describe('when the host begins to stop', () => {
    it('should answer readiness 503 before the plugins stop', async () => {
      const { base } = await start({ token: 't' });
      let seen: number | undefined;
      manager?.extensions.on('trellis.app.stopping', () => undefined);
      @plugin({ name: 'probe-on-stop', version: '1.0.0' })
      class ProbeOnStop {
        async stop(): Promise<void> {
          seen = (await fetch(`${base}health/ready`)).status;
        }
      }
      manager?.register(ProbeOnStop);
      await manager?.start();
      await manager?.stop();
      expect(seen).toBe(503);
    });
  });
});
