import { LifecycleTimeoutError } from '../errors/LifecycleTimeoutError.js';
import type { LifecyclePhase } from '../errors/LifecyclePhase.js';
import { PluginLoadError } from '../errors/PluginLoadError.js';
import { settleWithin } from './settleWithin.js';
import { TrellisError } from '@trellis/extensions';

/** What a lifecycle method belongs to; its signal is aborted on a timeout. Internal. */
export interface LifecycleOwner {
  /** Called with the timeout error before it is raised (the manager aborts `ctx.signal`). */
  abort(reason: unknown): void;
}

/** Names the manager operations waiting for the current one (for timeout messages). Internal. */
export type WaitingOperations = () => readonly string[];

/** A lifecycle method run by {@link runLifecycleMethod}. */
export type LifecycleMethodPhase = Extract<LifecyclePhase, 'initialize' | 'start' | 'stop'>;

/** Whether `value` is a thenable; reading `then` may throw (a hostile `Proxy`): the caller handles it. */
const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  (typeof value === 'object' || typeof value === 'function') &&
  value !== null &&
  typeof (value as { then?: unknown }).then === 'function';

/**
 * Calls the instance's lifecycle method if it has one, with `arg` (or no argument). Returns
 * `undefined` when the method is absent or finished synchronously (no promise, no timer, no
 * allocation), else a promise bounded by `timeout` (ms; non-finite for no limit). Failures come out
 * as `PluginLoadError` (cause: the plugin's exception) or `LifecycleTimeoutError`, for which
 * `owner.abort()` is called before it is raised.
 */
export function runLifecycleMethod(
  instance: object,
  plugin: string,
  phase: LifecycleMethodPhase,
  arg: unknown,
  timeout: number,
  owner: LifecycleOwner,
  waiting?: WaitingOperations,
): Promise<void> | undefined {
  const method = (instance as Record<string, unknown>)[phase];
  if (typeof method !== 'function') return undefined;
  let result: unknown;
  let thenable: boolean;
  try {
    result =
      arg === undefined
        ? (method as () => unknown).call(instance)
        : (method as (arg: unknown) => unknown).call(instance, arg);
    thenable = isThenable(result);
  } catch (cause) {
    if (TrellisError.is(cause, 'TRELLIS_PERMISSION_DENIED')) throw cause; // see below
    throw new PluginLoadError({ plugin, phase, cause });
  }
  if (!thenable) return undefined;
  let timedOut: LifecycleTimeoutError | undefined;
  return settleWithin(result as PromiseLike<unknown>, timeout, () => {
    timedOut = new LifecycleTimeoutError({ plugin, phase, timeout, waiting: waiting?.() });
    owner.abort(timedOut);
    return timedOut;
  }).then(
    () => undefined,
    (error: unknown) => {
      if (timedOut !== undefined && error === timedOut) throw timedOut;
      // an isolated plugin's worker/process fault is the failure itself (section 9), not its cause
      if (TrellisError.is(error, 'TRELLIS_ISOLATION_FAILED')) throw error;
      // a hook its permissions refuse fails the plugin with the PermissionError itself
      if (TrellisError.is(error, 'TRELLIS_PERMISSION_DENIED')) throw error;
      throw new PluginLoadError({ plugin, phase, cause: error });
    },
  );
}
