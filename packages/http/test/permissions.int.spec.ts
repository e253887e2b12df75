import { definePlugin, PluginManager } from '@trellis/core';
import { HttpPlugin, type HttpRouter } from '../src/index.js';

const routesPlugin = (name: string, permissions: readonly string[]) =>
  definePlugin({
    name,
    permissions,
    members: {
      routes(router: HttpRouter) {
        router.get('/', () => ({ name }));
      },
    },
  });

describe('HttpPlugin permissions', () => {
  describe('when a plugin with enforced permissions declares routes', () => {
    it('should mount them with http.routes and leave them out without it, counting the denial', async () => {
      const manager = new PluginManager({ logger: false, config: { 'trellis.http': { port: 0 } } });
      manager.register([
        HttpPlugin,
        routesPlugin('allowed', ['http.routes']),
        routesPlugin('refused', ['net']),
      ]);
      try {
        await manager.start();
        const base = manager.getPlugin(HttpPlugin)?.url ?? '';
        expect(await (await fetch(`${base}/plugins/allowed`)).json()).toEqual({ name: 'allowed' });
        expect((await fetch(`${base}/plugins/refused`)).status).toBe(404);
        expect(manager.permissions.denials()).toEqual([
          { plugin: 'refused', permission: 'http.routes', count: 1 },
        ]);
      } finally {
        await manager.close();
      }
    });
  });
});
