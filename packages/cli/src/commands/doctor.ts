import semver from 'semver';
import { loadConfig, TRELLIS_VERSION, type PluginManager } from '@trellis/core';
import { describeError } from '../output/describeError.js';
import { dependencyProblems } from '../host/dependencyProblems.js';
import { fixFor } from '../host/fixFor.js';
import { metadataOf } from '../host/metadataOf.js';
import { openHost } from '../host/openHost.js';
import { permissionProblems } from '../host/permissionProblems.js';
import type { Problem } from '../host/Problem.js';
import type { CommandContext } from '../program/CommandContext.js';
import { printProblems } from './printProblems.js';

/**
 * `trellis doctor`: config, manifests, engine ranges, missing dependencies, cycles and permissions,
 * without calling any plugin's lifecycle. Exit 1 when a problem is an error.
 */
export async function doctor(ctx: CommandContext): Promise<number> {
  const problems: Problem[] = [];
  let manager: PluginManager | undefined;
  try {
    const opened = await openHost(ctx.cwd);
    manager = opened.manager;
    problems.push(...opened.problems);
  } catch (error) {
    const { code, message } = describeError(error);
    const file = (error as { file?: unknown; path?: unknown } | null) ?? {};
    const where =
      typeof file.file === 'string' ? file.file : typeof file.path === 'string' ? file.path : undefined;
    problems.push({
      code,
      ...(where !== undefined ? { file: where } : {}),
      message,
      fix: fixFor(code),
      severity: 'error',
    });
  }
  if (manager !== undefined) {
    try {
      problems.push(...(await pluginProblems(manager, ctx.cwd)));
    } finally {
      await manager.close();
    }
  }
  const failed = problems.some((problem) => problem.severity === 'error');
  if (ctx.out.json) {
    ctx.out.document({ problems });
    return failed ? 1 : 0;
  }
  const { green, red, bold } = ctx.out.color;
  if (problems.length === 0) {
    ctx.out.line(`${green('✔')} No problems found.`);
    return 0;
  }
  printProblems(ctx, problems);
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  ctx.out.line();
  ctx.out.line(
    failed
      ? red(bold(`${errors} error(s), ${problems.length - errors} warning(s)`))
      : `${problems.length} warning(s), no errors`,
  );
  return failed ? 1 : 0;
}

async function pluginProblems(manager: PluginManager, cwd: string): Promise<Problem[]> {
  const problems = dependencyProblems(manager.graph());
  const { config } = await loadConfig({ cwd });
  const grants = config.grants;
  for (const name of manager.getRegisteredPlugins()) {
    const meta = await metadataOf(manager, name);
    const range = meta?.engines?.trellis;
    if (range !== undefined && !semver.satisfies(TRELLIS_VERSION, range, { includePrerelease: true })) {
      problems.push({
        code: 'TRELLIS_DEPENDENCY_ENGINE',
        plugin: name,
        message: `supports Trellis ${range}; this host runs ${TRELLIS_VERSION}`,
        fix: fixFor('TRELLIS_DEPENDENCY_ENGINE'),
        severity: 'error',
      });
    }
    problems.push(...permissionProblems(name, meta?.permissions ?? [], grants));
  }
  const registered = new Set(manager.getRegisteredPlugins());
  for (const name of Object.keys(grants ?? {})) {
    if (!registered.has(name)) {
      problems.push({
        code: 'TRELLIS_CONFIG_UNKNOWN_PLUGIN',
        message: `grants names '${name}', which is not registered`,
        fix: 'check the plugin name in grants',
        severity: 'warning',
      });
    }
  }
  return problems;
}
