import assert from 'node:assert/strict';
import { AdminPlugin } from '@trellis/admin';
import { PluginManager } from '@trellis/core';
import { HealthPlugin } from '@trellis/health';
import { HttpPlugin } from '@trellis/http';
import { MetricsPlugin } from '@trellis/metrics';

const manager = new PluginManager({
  logger: false,
  config: {
    'trellis.http': { host: '127.0.0.1', port: 0 }, // 0: a free port
    'trellis.admin': { token: 'change-me' }, // else TRELLIS_ADMIN_TOKEN, else generated and printed
  },
});
manager.register([HttpPlugin, HealthPlugin, MetricsPlugin, AdminPlugin]);
await manager.start();

const admin = manager.getPlugin<AdminPlugin>('trellis.admin');
const base = admin?.baseUrl() ?? ''; // e.g. http://127.0.0.1:3000/
assert.equal(admin?.dashboardUrl(), `${base}admin/#token=change-me`);

const ready = await fetch(`${base}health/ready`);
assert.equal(ready.status, 200);

const denied = await fetch(`${base}admin/api/plugins`);
assert.equal(denied.status, 401);

const plugins = await fetch(`${base}admin/api/plugins`, { headers: { authorization: 'Bearer change-me' } });
const rows = (await plugins.json()) as { name: string; state: string }[];
assert.ok(rows.every((row) => row.state === 'started'));

await manager.close();
