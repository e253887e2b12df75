import assert from 'node:assert/strict';
import { PluginManager, TrellisError, definePlugin } from '@trellis/core';

const Storage = definePlugin({
  name: 'storage',
  version: '2.0.0',
  config: {
    url: { type: 'string', required: true, secret: true },
    poolSize: { type: 'integer', default: 5, min: 1, max: 50 },
  },
});
const Reports = definePlugin({ name: 'reports', dependencies: { storage: '^2.0.0' } });
const Hanging = definePlugin({
  name: 'hanging',
  start: () => new Promise<void>(() => undefined), // never resolves
});
const Healthy = definePlugin({ name: 'healthy' });

const manager = new PluginManager({
  logger: false,
  lifecycleTimeout: 100, // ms per plugin per phase
  config: { storage: { url: 42, poolSize: 500 } }, // two mistakes, reported together
});
manager.register([Storage, Reports, Hanging, Healthy]);

const report = await manager.start(); // never rejects in the default 'isolate' mode
assert.deepEqual(report.started, ['healthy']);
assert.deepEqual(
  report.failed.map((failure) => [failure.name, failure.error.code]),
  [
    ['storage', 'TRELLIS_CONFIG_VALIDATION'],
    ['reports', 'TRELLIS_DEPENDENCY_FAILED'],
    ['hanging', 'TRELLIS_LIFECYCLE_TIMEOUT'],
  ],
);

const storage = manager.status().find((row) => row.name === 'storage');
assert.ok(storage);
assert.equal(storage.state, 'failed');
assert.match(storage.lastError?.message ?? '', /url.*string/);
assert.match(storage.lastError?.message ?? '', /poolSize.*50/);
assert.ok(TrellisError.is(report.failed[0]?.error, 'TRELLIS_CONFIG_VALIDATION'));

await manager.close();
