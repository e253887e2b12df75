import { fileURLToPath } from 'node:url';
import { AdminPlugin } from '@trellis/admin';
import type { PluginClass, PluginLifecycleEvent } from '@trellis/core';
import { createHost } from '@trellis/core';
import { HealthPlugin } from '@trellis/health';
import { HttpPlugin } from '@trellis/http';
import { MetricsPlugin } from '@trellis/metrics';
import { StoragePlugin } from '@trellis/storage';
import { readEnv } from './host/readEnv.js';

// The demo's folder (trellis.config.yaml, dist/plugins), wherever it is started from.
const cwd = fileURLToPath(new URL('..', import.meta.url));
const env = readEnv(process.env, cwd);
const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

const manager = await createHost({
  cwd,
  logLevel: env.logLevel,
  config: {
    'trellis.http': { host: env.host, port: env.port },
    // No driver key: embedded under DATA_DIR, or Redis when RedisPlugin is registered.
    'trellis.storage': { dir: env.dataDir },
    'trellis.admin': { announce: false, ...(env.adminToken === undefined ? {} : { token: env.adminToken }) },
    ratelimit: { limit: env.rateLimit },
    drain: { ms: env.drainMs },
  },
});
const system: PluginClass[] = [HttpPlugin, HealthPlugin, MetricsPlugin, StoragePlugin, AdminPlugin];
// Only with a broker: then events, storage and services use Redis (nothing else changes).
if (env.redisUrl !== undefined) system.push((await import('@trellis/redis')).RedisPlugin);
manager.register(system);

let stopping = false;
// On shutdown, one line per plugin as it stops (reloads stop plugins too; those are not printed).
manager.extensions.on('trellis.plugin.stopped', (event: PluginLifecycleEvent) => {
  if (stopping) out(`stopped ${event.pluginName}`);
});

const shutdown = (signal: NodeJS.Signals): void => {
  if (stopping) {
    out(`${signal} again: exiting without waiting`);
    process.exit(1);
  }
  stopping = true;
  out(`${signal}: stopping (readiness answers 503 from now on)`);
  manager
    .close()
    .then(() => {
      out('exited cleanly');
      process.exit(0);
    })
    .catch((error: unknown) => {
      process.stderr.write(`shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

const report = await manager.start();
for (const failure of report.failed) {
  process.stderr.write(`plugin ${failure.name} failed: [${failure.error.code}] ${failure.error.message}\n`);
}
const admin = manager.getPlugin<AdminPlugin>('trellis.admin');
const base = admin?.baseUrl();
if (admin === undefined || base === undefined) {
  process.stderr.write('The HTTP server did not start (see the errors above); exiting.\n');
  await manager.close();
  process.exit(1);
}
out(`App:       ${base}`);
out(`Dashboard: ${admin.dashboardUrl() ?? ''}`);
out(`Metrics:   ${base}metrics`);
