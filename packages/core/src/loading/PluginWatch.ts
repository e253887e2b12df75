import { watchFiles, type FileWatcher } from '@trellis/loader';
import type { Logger } from '../logging/Logger.js';
import { ConfigFileWatch } from './ConfigFileWatch.js';
import { isInside } from './isInside.js';
import type { FileReloadReport } from './FileReloadReport.js';
import type { PluginSource } from './PluginSource.js';
import type { PluginWatcher, WatchOptions } from './WatchOptions.js';

/** What a {@link PluginWatch} works with. Internal. */
export interface PluginWatchInit {
  readonly sources: ReadonlyMap<string, PluginSource>;
  readonly reload: (name: string) => Promise<FileReloadReport>;
  /** Names in dependency order. */
  readonly inOrder: (names: readonly string[]) => string[];
  readonly isRegistered: (name: string) => boolean;
  readonly isLoaded: (name: string) => boolean;
  readonly configure: (name: string, section: Readonly<Record<string, unknown>>) => void;
  readonly logger: Logger;
}

/**
 * `manager.watch()`: watches the files plugins came from and reloads them on change (debounced,
 * serialised). A manifest or config-file change is validated before anything is touched. Internal.
 */
export class PluginWatch {
  readonly #init: PluginWatchInit;
  readonly #watchers = new Set<FileWatcher>();

  constructor(init: PluginWatchInit) {
    this.#init = init;
  }

  start(options: WatchOptions = {}): PluginWatcher {
    const { sources, logger } = this.#init;
    const paths = new Set<string>();
    for (const source of sources.values()) paths.add(source.manifestDir ?? source.file);
    if (options.configFile !== undefined) paths.add(options.configFile);
    const report = (error: unknown, plugin: string | undefined): void => {
      logger.error({ plugin, err: error }, 'watch: change not applied, the running version is kept');
      try {
        options.onError?.(error, plugin);
      } catch {
        // a listener that throws must not stop the watcher
      }
    };
    const config =
      options.configFile === undefined
        ? undefined
        : {
            file: options.configFile,
            watch: new ConfigFileWatch({
              file: options.configFile,
              env: options.env,
              overrides: options.config ?? {},
              isRegistered: this.#init.isRegistered,
              configure: this.#init.configure,
            }),
          };
    const watcher = watchFiles([...paths], {
      debounceMs: options.debounceMs,
      onError: (error) => {
        report(error, undefined);
      },
      onChange: async (files) => {
        const names = this.#affected(files);
        if (config !== undefined && files.includes(config.file)) {
          try {
            const reconfigured = await config.watch.changed();
            logger.info({ file: config.file, plugins: reconfigured }, 'config file changed and applied');
            for (const name of reconfigured) {
              if (this.#init.isLoaded(name) && !names.includes(name)) names.push(name);
            }
          } catch (error) {
            report(error, undefined);
          }
        }
        for (const name of this.#init.inOrder(names)) {
          try {
            const result = await this.#init.reload(name);
            options.onReload?.(name, result);
          } catch (error) {
            report(error, name);
          }
        }
      },
    });
    this.#watchers.add(watcher);
    const baseline = config?.watch.baseline().catch((error: unknown) => {
      report(error, undefined);
    });
    return {
      ready: Promise.all([watcher.ready, baseline]).then(() => undefined),
      close: async () => {
        this.#watchers.delete(watcher);
        await watcher.close();
      },
    };
  }

  /** Stops every watcher. */
  async close(): Promise<void> {
    const watchers = [...this.#watchers];
    this.#watchers.clear();
    await Promise.all(watchers.map((watcher) => watcher.close()));
  }

  #affected(files: readonly string[]): string[] {
    const names: string[] = [];
    for (const [name, source] of this.#init.sources) {
      const hit = files.some((file) =>
        source.manifestDir === undefined ? file === source.file : isInside(source.manifestDir, file),
      );
      if (hit) names.push(name);
    }
    return names;
  }
}
