import { describeSource } from '../host/describeSource.js';
import { openHost } from '../host/openHost.js';
import type { CommandContext } from '../program/CommandContext.js';
import { printProblems } from './printProblems.js';

/** `trellis list`: every plugin the host's config finds, with version and source; problems after. */
export async function listPlugins(ctx: CommandContext): Promise<number> {
  const { manager, problems } = await openHost(ctx.cwd);
  try {
    const status = new Map(manager.status().map((row) => [row.name, row]));
    const rows = manager.getRegisteredPlugins().map((name) => ({
      name,
      version: status.get(name)?.version ?? '0.0.0',
      source: describeSource(manager, name, ctx.cwd),
      enabled: status.get(name)?.enabled ?? true,
    }));
    if (ctx.out.json) {
      ctx.out.document(rows);
      for (const problem of problems) ctx.out.error(`${problem.code}: ${problem.message}`);
      return 0;
    }
    const { bold, dim } = ctx.out.color;
    if (rows.length === 0)
      ctx.out.line('No plugins found. Add plugins.directories to trellis.config.* (see docs/loading.md).');
    const width = Math.max(4, ...rows.map((row) => row.name.length));
    const versionWidth = Math.max(7, ...rows.map((row) => row.version.length));
    if (rows.length > 0)
      ctx.out.line(bold(`${'NAME'.padEnd(width)}  ${'VERSION'.padEnd(versionWidth)}  SOURCE`));
    for (const row of rows) {
      const disabled = row.enabled ? '' : dim(' (disabled)');
      ctx.out.line(
        `${row.name.padEnd(width)}  ${row.version.padEnd(versionWidth)}  ${row.source}${disabled}`,
      );
    }
    printProblems(ctx, problems);
    return 0;
  } finally {
    await manager.close();
  }
}
