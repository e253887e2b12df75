import assert from 'node:assert/strict';
import { PluginManager, TOKENS, createToken, hook, inject, plugin } from '@trellis/core';
import type { Logger, PluginConfig, PluginContext } from '@trellis/core';

// A typed token: the contract other plugins ask for.
interface Clock {
  now(): Date;
}
const ClockToken = createToken<Clock>('example.clock');

// Provides the clock. Plugins that inject ClockToken depend on it automatically.
@plugin({
  name: 'clock',
  version: '1.0.0',
  provides: [{ token: ClockToken, useValue: { now: () => new Date('2024-01-01T00:00:00Z') } }],
})
class ClockPlugin {}

@plugin({
  name: 'audit',
  version: '1.0.0',
  config: {
    prefix: { type: 'string', default: 'audit', description: 'Prefix of each entry' },
    apiKey: { type: 'string', required: true, secret: true },
  },
})
class AuditPlugin {
  readonly entries: string[] = [];
  @inject(ClockToken) private readonly clock!: Clock; // property injection

  constructor(
    @inject(TOKENS.Logger) private readonly log: Logger, // a child logger bound to { plugin: 'audit' }
    @inject(TOKENS.Config) private readonly config: PluginConfig, // the same accessor as ctx.config
  ) {}

  initialize(ctx: PluginContext): void {
    this.log.debug({ version: ctx.version }, 'audit ready');
  }

  @hook('user.*', { priority: 'lowest' })
  record(event: { username: string }): undefined {
    const prefix = this.config.get('prefix', 'audit');
    this.entries.push(`${prefix} ${this.clock.now().toISOString()} ${event.username}`);
    return undefined; // keep the value unchanged
  }
}

const manager = new PluginManager({
  logger: false,
  config: { audit: { apiKey: 'k-123' } },
});
manager.register([AuditPlugin, ClockPlugin]);
const report = await manager.start();
assert.deepEqual(report.started, ['clock', 'audit']); // the injected token made 'clock' a dependency

manager.trigger('user.login', { username: 'Ada' });
assert.deepEqual(manager.getPlugin(AuditPlugin)?.entries, ['audit 2024-01-01T00:00:00.000Z Ada']);

// status() is JSON-safe and never shows secrets.
const audit = manager.status().find((row) => row.name === 'audit');
assert.ok(audit);
assert.deepEqual(audit.config, { apiKey: '[secret]', prefix: 'audit' });
assert.deepEqual(audit.dependencies, ['clock']);

await manager.close();
