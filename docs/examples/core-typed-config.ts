import assert from 'node:assert/strict';
import { PluginManager, definePlugin, type TrellisWarning } from '@trellis/core';

// The config type comes from the schema: get('maxEntries') is a number (it has a default),
// get('sink') is string | undefined (neither required nor defaulted).
const Audit = definePlugin({
  name: 'audit',
  config: { maxEntries: { type: 'integer', min: 1, default: 100 }, sink: { type: 'string' } },
  initialize(ctx) {
    const maxEntries: number = ctx.config.get('maxEntries');
    const sink: string = ctx.config.get('sink') ?? 'memory';
    ctx.logger.info({ maxEntries, sink }, 'audit ready');
  },
});

// A misspelt key is reported through onWarning (even with logger: false), naming the closest key.
const warnings: TrellisWarning[] = [];
const manager = new PluginManager({
  logger: false,
  config: { audit: { maxEntries: 0, maxEntires: 5 } },
  onWarning: (warning) => warnings.push(warning),
});
manager.register(Audit);

const first = await manager.start();
assert.deepEqual(first.started, []);
assert.equal(first.failed[0]?.error.code, 'TRELLIS_CONFIG_VALIDATION'); // maxEntries must be at least 1
assert.match(warnings[0]?.message ?? '', /Did you mean 'maxEntries'\?/);

// configure() validates and applies a corrected section; start() again starts only what was left.
manager.configure('audit', { maxEntries: 50 });
const second = await manager.start();
assert.deepEqual(second.started, ['audit']);

await manager.close();
