import { LifecycleTimeoutError } from '../errors/LifecycleTimeoutError.js';
import type { LifecyclePhase } from '../errors/LifecyclePhase.js';
import { PluginLoadError } from '../errors/PluginLoadError.js';
import { settleWithin } from './settleWithin.js';

/** What {@link runLifecycleMethod} runs. Internal. */
export interface LifecycleCall {
  readonly plugin: string;
  readonly phase: Extract<LifecyclePhase, 'initialize' | 'start' | 'stop'>;
  readonly args: readonly unknown[];
  /** Milliseconds; non-finite for no limit. */
  readonly timeout: number;
  /** Called with the timeout error before it is raised (the manager aborts `ctx.signal`). */
  readonly onTimeout: (error: LifecycleTimeoutError) => void;
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  (typeof value === 'object' || typeof value === 'function') &&
  value !== null &&
  typeof (value as { then?: unknown }).then === 'function';

/**
 * Calls the instance's lifecycle method if it has one. Returns `undefined` when the method is
 * absent or finished synchronously (no promise, no timer), else a promise bounded by the timeout.
 * Failures come out as `PluginLoadError` (cause: the plugin's exception) or `LifecycleTimeoutError`.
 */
export function runLifecycleMethod(instance: object, call: LifecycleCall): Promise<void> | undefined {
  const method = (instance as Record<string, unknown>)[call.phase];
  if (typeof method !== 'function') return undefined;
  let result: unknown;
  try {
    result = (method as (...args: unknown[]) => unknown).apply(instance, [...call.args]);
  } catch (cause) {
    throw new PluginLoadError({ plugin: call.plugin, phase: call.phase, cause });
  }
  if (!isThenable(result)) return undefined;
  let timedOut: LifecycleTimeoutError | undefined;
  return settleWithin(result, call.timeout, () => {
    timedOut = new LifecycleTimeoutError({ plugin: call.plugin, phase: call.phase, timeout: call.timeout });
    call.onTimeout(timedOut);
    return timedOut;
  }).then(
    () => undefined,
    (error: unknown) => {
      if (timedOut !== undefined && error === timedOut) throw error;
      throw new PluginLoadError({ plugin: call.plugin, phase: call.phase, cause: error });
    },
  );
}
