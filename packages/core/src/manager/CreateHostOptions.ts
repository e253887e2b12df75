import type { DirectoryConfig, PluginsConfig } from '@trellis/loader';
import type { PluginManagerOptions } from '../manager/PluginManagerOptions.js';

/** Options of {@link createHost}: the manager's options, where plugins come from, and the config file. */
export interface CreateHostOptions extends PluginManagerOptions {
  /** The host's folder: config file, `package.json` and relative paths. Default `process.cwd()`. */
  readonly cwd?: string | undefined;
  /**
   * The config file to read (relative to `cwd`); default: the first `trellis.config.{json,yaml,yml,
   * toml,mjs,js}` in `cwd`; `false`: none.
   */
  readonly configFile?: string | false | undefined;
  /** Variables for `${VAR}` interpolation in the config file. Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
  /** Where plugins come from; merged with the file's `plugins` (code wins per key, groups appended). */
  readonly plugins?: PluginsConfig | undefined;
  /** Start `manager.watch()` once everything is registered. */
  readonly watch?: boolean | { readonly debounceMs?: number } | undefined;
}

export type { DirectoryConfig };
