import assert from 'node:assert/strict';
import { DependencyError, PluginManager, definePlugin } from '@trellis/core';
import type { PluginContext } from '@trellis/core';

const log: string[] = [];
const step = (name: string) => ({
  initialize: () => void log.push(`initialize ${name}`),
  start: () => void log.push(`start ${name}`),
  stop: () => void log.push(`stop ${name}`),
});

const Database = definePlugin({ name: 'database', version: '2.3.0', ...step('database') });
const Api = definePlugin({ name: 'api', dependencies: { database: '^2.0.0' }, ...step('api') });
const Worker = definePlugin({
  name: 'worker',
  dependencies: ['api'],
  start() {
    log.push('start worker');
  },
  initialize(ctx: PluginContext) {
    // Long-running work watches ctx.signal: it is aborted when the plugin stops.
    ctx.signal.addEventListener('abort', () => void log.push('worker signal aborted'));
  },
});
const Legacy = definePlugin({ name: 'legacy', dependencies: { database: '^1.0.0' } });
const Reports = definePlugin({ name: 'reports', dependencies: ['legacy'] });

const manager = new PluginManager({ logger: false, lifecycleTimeout: 5_000 });
manager.extensions.on(PluginManager.EVENTS.started, (event: { pluginName: string }) => {
  log.push(`event started ${event.pluginName}`);
});
manager.register([Worker, Reports, Legacy, Api, Database]);

const report = await manager.start();
assert.deepEqual(report.started, ['database', 'api', 'worker']);
assert.deepEqual(
  report.failed.map((failure) => [failure.name, failure.error.code]),
  [
    ['legacy', 'TRELLIS_DEPENDENCY_VERSION'],
    ['reports', 'TRELLIS_DEPENDENCY_FAILED'],
  ],
);
const legacy = report.failed.find((failure) => failure.name === 'legacy');
assert.ok(legacy?.error instanceof DependencyError);
assert.match(legacy.error.message, /database@2\.3\.0 does not satisfy \^1\.0\.0 required by legacy/);

// A plugin is initialized once its dependencies have started.
assert.deepEqual(log.slice(0, 5), [
  'initialize database',
  'start database',
  'event started database',
  'initialize api',
  'start api',
]);

log.length = 0;
const stopped = await manager.stop(); // reverse order, each bounded by lifecycleTimeout
assert.deepEqual(stopped.stopped, ['worker', 'api', 'database']);
assert.deepEqual(log, ['worker signal aborted', 'stop api', 'stop database']);

await manager.close();
assert.equal(manager.getState('database'), 'unloaded');
