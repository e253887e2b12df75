import type { PluginsConfig, TrellisConfig } from '@trellis/loader';
import type { CreateHostOptions } from './CreateHostOptions.js';

/** Manager options a config file may set (the rest of `TrellisConfig` is about plugins). */
const MANAGER_KEYS = [
  'logLevel',
  'errorStrategy',
  'hookTimeout',
  'lifecycleTimeout',
  'onPluginFailure',
  'strict',
  'validateMetadata',
  'grants',
  'watch',
] as const;

/**
 * Merges a config file with options given in code: code wins per key; plugin config sections are
 * merged per key (`config.welcome.greeting` from code beats the file's); `plugins` keys are taken
 * from code when given, except `groups`, which the loader merges (file first). Internal.
 */
export function mergeHostOptions(
  file: TrellisConfig,
  code: CreateHostOptions,
): { options: CreateHostOptions; plugins: PluginsConfig; fileGroups: PluginsConfig['groups'] } {
  const merged: Record<string, unknown> = {};
  for (const key of MANAGER_KEYS) {
    if (file[key] !== undefined) merged[key] = file[key];
  }
  for (const [key, value] of Object.entries(code)) {
    if (value !== undefined) merged[key] = value;
  }
  const sections = new Map<string, Record<string, unknown>>();
  for (const source of [file.config, code.config]) {
    for (const [name, section] of Object.entries(source ?? {})) {
      sections.set(name, { ...(sections.get(name) ?? {}), ...(section as Record<string, unknown>) });
    }
  }
  merged.config = Object.fromEntries(sections);
  const filePlugins = file.plugins ?? {};
  const codePlugins = code.plugins ?? {};
  const plugins: PluginsConfig = { ...filePlugins, ...definedOnly(codePlugins) };
  return { options: merged, plugins, fileGroups: filePlugins.groups };
}

function definedOnly(value: PluginsConfig): PluginsConfig {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined));
}
