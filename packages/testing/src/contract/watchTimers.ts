import { createHook } from 'node:async_hooks';

/** Timers created while it watches that still keep the process alive when asked. */
export interface TimerWatch {
  /** How many timers created since `watchTimers()` are still active and referenced. */
  leftRunning(): number;
  stop(): void;
}

interface TimerResource {
  hasRef?(): boolean;
  // Set by Node when the timer is cleared or has fired for good (the destroy hook can come later).
  readonly _destroyed?: boolean;
}

/**
 * Watches the timers (timeouts, intervals) created from now on. Only timers created during the
 * watch count, so timers of whatever ran before (another test, the runner) are never blamed on the
 * plugin; an `unref()`ed timer does not count either, since it cannot keep a host from exiting.
 */
export function watchTimers(): TimerWatch {
  const live = new Map<number, TimerResource>();
  const hook = createHook({
    init(asyncId, type, _trigger, resource) {
      if (type === 'Timeout') live.set(asyncId, resource);
    },
    destroy(asyncId) {
      live.delete(asyncId);
    },
  });
  hook.enable();
  return {
    leftRunning: () =>
      [...live.values()].filter((timer) => timer._destroyed !== true && timer.hasRef?.() !== false).length,
    stop: () => {
      hook.disable();
      live.clear();
    },
  };
}
