import { AsyncLocalStorage, createHook } from 'node:async_hooks';

/** Timers created by code it runs that still keep the process alive when asked. */
export interface TimerWatch {
  /** Runs `body`; timers created by it (and by whatever it awaits) are the ones watched. */
  run<T>(body: () => Promise<T>): Promise<T>;
  /** Where each timer created since `watchTimers()` that is still active and referenced was created. */
  leftRunning(): string[];
  stop(): void;
}

interface TimerResource {
  hasRef?(): boolean;
  // Set by Node when the timer is cleared or has fired for good (the destroy hook can come later).
  readonly _destroyed?: boolean;
}

// Test runners start timers of their own when plugin code writes to the console (a reporter's flush):
// those are never the plugin's.
const RUNNER =
  /[\\/]node_modules[\\/](?:\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?(?:@jest[\\/]|jest-|@vitest[\\/]|vitest[\\/])/;

// The first frame of a stack that is not Node's own timers code or this file: where the timer was made.
function creator(stack: string | undefined): string {
  const frames = (stack ?? '').split('\n').slice(1);
  const own = frames.find((frame) => !frame.includes('node:') && !frame.includes('watchTimers'));
  return own?.trim().replace(/^at /, '') ?? 'unknown place';
}

/**
 * Watches the timers (timeouts, intervals) created by the code given to `run()`, followed through
 * its async calls (AsyncLocalStorage), so timers of anything else in the process (another test, the
 * runner's reporter) are never blamed on the plugin; an `unref()`ed timer does not count either,
 * since it cannot keep a host from exiting.
 */
export function watchTimers(): TimerWatch {
  const scope = new AsyncLocalStorage<true>();
  const live = new Map<number, { readonly timer: TimerResource; readonly stack: string | undefined }>();
  const hook = createHook({
    init(asyncId, type, _trigger, resource) {
      if (type === 'Timeout' && scope.getStore() === true) {
        live.set(asyncId, { timer: resource, stack: new Error().stack });
      }
    },
    destroy(asyncId) {
      live.delete(asyncId);
    },
  });
  hook.enable();
  return {
    run: (body) => scope.run(true, body),
    leftRunning: () =>
      [...live.values()]
        .filter(({ timer }) => timer._destroyed !== true && timer.hasRef?.() !== false)
        .map(({ stack }) => creator(stack))
        .filter((place) => !RUNNER.test(place)),
    stop: () => {
      hook.disable();
      live.clear();
    },
  };
}
