/**
 * A host with 1,000 plugins, the HTTP server and the admin, for `GET /admin/api/plugins`. Started as
 * a child process; prints `App: <url>`.
 */
import { AdminPlugin } from '@trellis/admin';
import { definePlugin, PluginManager } from '@trellis/core';
import type { PluginClass } from '@trellis/core';
import { HttpPlugin } from '@trellis/http';

const count = Number(process.env.PLUGINS ?? 1000);
const plugins: PluginClass[] = [];
for (let i = 0; i < count; i += 1) {
  plugins.push(
    definePlugin({
      name: `plugin-${String(i).padStart(4, '0')}`,
      version: '1.0.0',
      description: `Bench plugin number ${i}`,
      // A tree: each plugin depends on the one at half its index.
      dependencies: i === 0 ? [] : [`plugin-${String(Math.floor(i / 2)).padStart(4, '0')}`],
    }),
  );
}
const manager = new PluginManager({
  logger: false,
  config: {
    'trellis.http': { host: '127.0.0.1', port: 0 },
    'trellis.admin': { token: process.env.TRELLIS_ADMIN_TOKEN ?? 'bench', announce: false },
  },
});
manager.register([HttpPlugin, AdminPlugin, ...plugins]);
await manager.start();
const admin = manager.getPlugin<AdminPlugin>('trellis.admin');
process.stdout.write(`App:       ${admin?.baseUrl() ?? ''}\n`);
process.on('SIGTERM', () => {
  void manager.close().then(() => process.exit(0));
});
