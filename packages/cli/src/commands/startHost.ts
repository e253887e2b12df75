import { createHost, loadConfig, type PluginClass, type PluginManager } from '@trellis/core';
import { AdminPlugin } from '@trellis/admin';
import { HealthPlugin } from '@trellis/health';
import { HttpPlugin, HTTP_SERVER } from '@trellis/http';
import { MetricsPlugin } from '@trellis/metrics';
import { pino } from 'pino';
import { CliError } from '../errors/CliError.js';
import type { CommandContext } from '../program/CommandContext.js';

// What `trellis start` adds when the config does not register it itself.
const SERVING: readonly (readonly [string, PluginClass])[] = [
  ['trellis.http', HttpPlugin],
  ['trellis.health', HealthPlugin],
  ['trellis.metrics', MetricsPlugin],
  ['trellis.admin', AdminPlugin],
];

/**
 * `trellis start`: the host of `trellis.config.*` with HTTP, health, metrics and admin (unless the
 * config names them), `PORT` or `--port` for the port; SIGTERM/SIGINT close it gracefully and the
 * command resolves to 0 once every plugin has stopped.
 */
export async function startHost(ctx: CommandContext, portOption: string | undefined): Promise<number> {
  const port = parsePort(portOption ?? ctx.streams.env.PORT);
  const { config } = await loadConfig({ cwd: ctx.cwd });
  const section = (config.config?.['trellis.http'] ?? {}) as Record<string, unknown>;
  const adminSection = (config.config?.['trellis.admin'] ?? {}) as Record<string, unknown>;
  // The command prints the dashboard URL itself (on stdout, or in the --json document).
  const tokenGiven = nonEmpty(adminSection.token) || nonEmpty(ctx.streams.env.TRELLIS_ADMIN_TOKEN);
  const manager = await createHost({
    cwd: ctx.cwd,
    // Logs go to stderr, so stdout keeps only what the command prints (and one JSON line under --json).
    logger: pino({ level: config.logLevel ?? 'info' }, pino.destination(2)),
    config: {
      'trellis.http': { ...section, ...(port !== undefined ? { port } : {}) },
      'trellis.admin': { ...adminSection, announce: false },
    },
  });
  const registered = new Set(manager.getRegisteredPlugins());
  for (const [name, Plugin] of SERVING) if (!registered.has(name)) manager.register(Plugin);

  const report = await manager.start();
  for (const failure of report.failed)
    ctx.out.error(`${failure.error.code}: ${failure.name}: ${failure.error.message}`);
  const url = serverUrl(manager);
  // A generated token is shown once, in the dashboard link; a token the operator gave is not printed.
  const admin = manager.getPlugin<AdminPlugin>('trellis.admin');
  const dashboard =
    url === undefined ? undefined : tokenGiven ? `${url}/admin/` : (admin?.dashboardUrl() ?? `${url}/admin/`);
  if (ctx.out.json) {
    ctx.out.document({
      url,
      dashboard,
      started: report.started,
      failed: report.failed.map((failure) => failure.name),
    });
  } else {
    const { bold, green } = ctx.out.color;
    ctx.out.line(`${green('✔')} ${bold('Trellis host')} started ${report.started.length} plugin(s)`);
    if (url !== undefined) {
      ctx.out.line(`  ${url}/`);
      ctx.out.line(`  ${dashboard ?? `${url}/admin/`}  (dashboard)`);
      ctx.out.line(`  ${url}/metrics`);
    }
    ctx.out.line('Press Ctrl-C to stop.');
  }
  await untilSignal();
  const stopped = await manager.stop();
  await manager.unloadAll();
  return stopped.failed.length > 0 ? 1 : 0;
}

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new CliError(
      'TRELLIS_CLI_USAGE',
      `'${value}' is not a port`,
      'give a whole number from 0 to 65535 (0: any free port)',
    );
  }
  return port;
}

function serverUrl(manager: PluginManager): string | undefined {
  try {
    const address = manager.get(HTTP_SERVER).addresses()[0];
    if (address === undefined || typeof address === 'string') return undefined;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${host}:${address.port}`;
  } catch {
    return undefined;
  }
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      process.off('SIGTERM', done);
      process.off('SIGINT', done);
      resolve();
    };
    process.once('SIGTERM', done);
    process.once('SIGINT', done);
  });
}

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value !== '';
}
