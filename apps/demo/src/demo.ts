import { PluginManager } from '@trellis/core';
import type { PluginManagerOptions } from '@trellis/core';
import { AuditPlugin } from './plugins/audit.plugin.js';
import { ClockPlugin } from './plugins/clock.plugin.js';
import { BeforeSave, UserLogin, UserLogout } from './plugins/events.js';
import { BillingPlugin, FlakyPlugin } from './plugins/flaky.plugin.js';
import { ValidationPlugin } from './plugins/validation.plugin.js';
import { WelcomePlugin } from './plugins/welcome.plugin.js';

/** Where the demo writes its narrative, one line at a time. */
export type Output = (line: string) => void;

/** Options of {@link runDemo}. */
export interface DemoOptions {
  out: Output;
  logger?: PluginManagerOptions['logger'];
}

/**
 * Runs the demo host: registers the plugins, starts them, fires a few events, prints what
 * happened and closes.
 */
export async function runDemo({ out, logger = false }: DemoOptions): Promise<void> {
  const manager = new PluginManager({
    logger,
    config: { welcome: { greeting: 'Hello' }, validation: { minUsernameLength: 3 } },
  });
  manager.extensions.on('trellis.plugin.started', (event: { pluginName: string; version: string }) => {
    out(`  started ${event.pluginName}@${event.version}`);
  });

  const names = manager.register([
    AuditPlugin,
    WelcomePlugin,
    ValidationPlugin,
    ClockPlugin,
    FlakyPlugin,
    BillingPlugin,
  ]);
  out(`Registered ${names.length} plugins: ${names.join(', ')}`);

  out('Starting (dependencies first):');
  const report = await manager.start();
  out(`Started ${report.started.join(' -> ')}`);
  for (const failure of report.failed) {
    out(`Failed ${failure.name}: [${failure.error.code}] ${failure.error.message}`);
  }

  const login = manager.trigger(UserLogin, { username: 'Alice' });
  out(`user.login -> ${login.greeting ?? '(no greeting)'}`);

  const good = manager.trigger(BeforeSave, { username: '  bob ', email: 'Bob@Example.COM' });
  out(`db.before_save -> ${JSON.stringify(good)}`);
  const bad = manager.trigger(BeforeSave, { username: 'x', email: 'not-an-email' });
  out(`db.before_save -> rejected: ${(bad.problems ?? []).join('; ')}`);

  manager.extensions.notify(UserLogout, { username: 'Alice' });

  const audit = manager.getPlugin(AuditPlugin);
  out('Audit trail:');
  for (const entry of audit?.entries() ?? []) out(`  ${entry.event} ${entry.detail}`);

  out('Status:');
  for (const row of manager.status()) {
    const problem = row.lastError ? `  (${row.lastError.code}: ${row.lastError.message})` : '';
    out(`  ${row.name.padEnd(10)} ${row.version.padEnd(6)} ${row.state}${problem}`);
  }

  await manager.close();
  out(`Closed: every plugin is ${[...new Set(manager.status().map((row) => row.state))].join('/')}`);
}
