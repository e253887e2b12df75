import { resolve } from 'node:path';
import { loadConfig, mergeGroups, type LoaderWarning } from '@trellis/loader';
import { PluginManager } from '../manager/PluginManager.js';
import type { CreateHostOptions } from './CreateHostOptions.js';
import { mergeHostOptions } from './mergeHostOptions.js';

/**
 * Builds a `PluginManager` from the host's config file (`trellis.config.*` in `cwd`) merged with
 * `options` (code wins per key), and registers, without loading or starting, the plugins of
 * `plugins.directories`, `plugins.packages` (default: every dependency declaring
 * `"trellis": { "plugins" }`) and `plugins.groups` (file groups first, code groups appended); then
 * applies `plugins.enabled` / `plugins.disabled`. Config-file warnings go to `onWarning` (or
 * `process.emitWarning`). Call `start()` on the result.
 *
 * @example
 * ```ts
 * const manager = await createHost({ cwd: process.cwd(), logger: false });
 * await manager.start();
 * ```
 */
export async function createHost(options: CreateHostOptions = {}): Promise<PluginManager> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const warnings: LoaderWarning[] = [];
  const loaded =
    options.configFile === false
      ? undefined
      : await loadConfig({
          cwd,
          file: options.configFile,
          env: options.env,
          onWarning: (w) => warnings.push(w),
        });
  const { options: merged, plugins, fileGroups } = mergeHostOptions(loaded?.config ?? {}, options);
  const warn = (warning: LoaderWarning): void => {
    if (merged.onWarning !== undefined) merged.onWarning(warning);
    else process.emitWarning(warning.message, { code: warning.code });
  };
  warnings.forEach(warn);
  const managerOptions: Record<string, unknown> = { ...merged };
  for (const key of ['cwd', 'configFile', 'env', 'plugins', 'watch'])
    Reflect.deleteProperty(managerOptions, key);
  const watch = merged.watch;
  const manager = new PluginManager(managerOptions);
  for (const entry of plugins.directories ?? []) {
    const dir = typeof entry === 'string' ? { path: entry } : entry;
    await manager.discoverPlugins(resolve(cwd, dir.path), {
      pattern: dir.pattern,
      recursive: dir.recursive,
      followSymlinks: dir.followSymlinks,
    });
  }
  const packages = plugins.packages ?? true;
  if (packages !== false) {
    await manager.discoverPackages({ cwd, only: packages === true ? undefined : packages });
  }
  await manager.addGroups(mergeGroups(fileGroups, options.plugins?.groups), { cwd });
  const registered = manager.getRegisteredPlugins();
  const unknown = [...(plugins.enabled ?? []), ...(plugins.disabled ?? [])].filter(
    (name) => !registered.includes(name),
  );
  for (const name of unknown) {
    warn({
      code: 'TRELLIS_CONFIG_UNKNOWN_PLUGIN',
      message: `plugins.enabled/disabled names '${name}', which is not registered; check the name (registered: ${registered.join(', ') || 'none'}).`,
    });
  }
  for (const name of registered) {
    const off =
      plugins.disabled?.includes(name) === true ||
      (plugins.enabled !== undefined && !plugins.enabled.includes(name));
    if (off) manager.disablePlugin(name);
  }
  if (watch !== undefined && watch !== false) {
    await manager.watch({
      debounceMs: watch === true ? undefined : watch.debounceMs,
      configFile: loaded?.file,
      env: options.env,
      config: options.config as Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined,
    }).ready;
  }
  return manager;
}
