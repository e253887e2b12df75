import { resolve } from 'node:path';
import { watch } from 'chokidar';

/** Options of {@link watchFiles}. */
export interface WatchFilesOptions {
  /**
   * Quiet time after the last change before `onChange` runs: a burst of saves is one call. Default
   * 100 ms, at least 60 ms (chokidar merges one file's changes within 50 ms).
   */
  readonly debounceMs?: number | undefined;
  /** Called with the files changed (added, changed or removed) in one burst. Calls never overlap. */
  readonly onChange: (files: string[]) => void | Promise<void>;
  /** Called when `onChange` throws or the watcher fails. */
  readonly onError?: ((error: unknown) => void) | undefined;
}

/** The shortest quiet time honoured (see `watchFiles`). */
const MIN_DEBOUNCE_MS = 60;

/** A running file watcher. */
export interface FileWatcher {
  /** Resolves once the initial scan is done: changes after that are reported. */
  readonly ready: Promise<void>;
  /** Adds paths to watch. */
  add(paths: string | readonly string[]): void;
  /** Stops watching; a pending burst is dropped, a running `onChange` is awaited. */
  close(): Promise<void>;
}

/**
 * Watches files and folders (with chokidar) and reports changes debounced and serialised.
 *
 * @example
 * ```ts
 * const watcher = watchFiles(['./plugins'], { onChange: (files) => reloadFrom(files) });
 * await watcher.ready;
 * ```
 */
export function watchFiles(paths: string | readonly string[], options: WatchFilesOptions): FileWatcher {
  // chokidar drops a file's change events within 50 ms of the previous one; a quiet time above that
  // guarantees the debounced call runs after (and so reads) any change it dropped.
  const debounceMs = Math.max(options.debounceMs ?? 100, MIN_DEBOUNCE_MS);
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let closed = false;
  const report = (error: unknown): void => {
    try {
      options.onError?.(error);
    } catch {
      // a listener that throws must not stop the watcher
    }
  };
  const flush = (): void => {
    timer = undefined;
    if (closed || pending.size === 0) return;
    const files = [...pending];
    pending.clear();
    running = running.then(async () => {
      if (closed) return;
      try {
        await options.onChange(files);
      } catch (error) {
        report(error);
      }
    });
  };
  const list = (typeof paths === 'string' ? [paths] : [...paths]).map((path) => resolve(path));
  const watcher = watch(list, {
    ignoreInitial: true,
    ignored: (path) => /[\\/]node_modules[\\/]/.test(path),
  });
  const onEvent = (path: string): void => {
    pending.add(resolve(path));
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };
  watcher.on('add', onEvent).on('change', onEvent).on('unlink', onEvent).on('error', report);
  const ready = new Promise<void>((done) =>
    watcher.once('ready', () => {
      done();
    }),
  );
  return {
    ready,
    add(more) {
      watcher.add((typeof more === 'string' ? [more] : [...more]).map((path) => resolve(path)));
    },
    async close() {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      pending.clear();
      await watcher.close();
      await running;
    },
  };
}
