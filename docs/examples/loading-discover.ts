import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { PluginManager, type PluginDiscoveryError } from '@trellis/core';

const pluginsDir = fileURLToPath(new URL('./loading/plugins', import.meta.url));
const skipped: PluginDiscoveryError[] = [];

const manager = new PluginManager({ logger: false, config: { hello: { greeting: 'Hi' } } });
// Registers hello.plugin.mjs and the audit/ folder (its plugin.json is validated before index.mjs
// is imported); middleware.mjs does not match the pattern. Nothing is loaded yet.
const names = await manager.discoverPlugins(pluginsDir, { onError: (error) => skipped.push(error) });
assert.deepEqual(names.sort(), ['audit', 'hello']);
assert.deepEqual(manager.getLoadedPlugins(), []);
assert.deepEqual(skipped, []);

await manager.start();
assert.deepEqual(manager.trigger('greet', ['Ada']), ['Hi, Ada', '(1 greeted)']);

// A plugin from a file reloads from its file: imported again and validated before anything stops.
const report = await manager.reload('hello');
assert.deepEqual(report.reloaded, ['hello', 'audit']);
assert.equal(report.rolledBack, false);
assert.deepEqual(manager.trigger('greet', ['Bob']), ['Hi, Bob', '(1 greeted)']);
await manager.close();
