import type { PluginState } from './PluginState.js';

/**
 * Every legal move of the plugin state machine: `from → [to…]`. The one table the lifecycle obeys;
 * `PluginStateMachine.transition` throws `PluginStateError` for anything else. Internal.
 *
 * - `registered`, `unloaded`, `failed` and `disabled` have no live instance; `loading` makes one.
 * - `failed → loading` is a retry (after `configure()`, or the restart of an isolated plugin whose
 *   worker crashed); `started → failed` is such a crash while it runs.
 * - `reloading` is entered by a reload that replaces a plugin in place and left for the state the
 *   reload brings it back to.
 * - `failed → failed` replaces the last error (a second attempt failed too).
 */
export const STATE_TRANSITIONS: Readonly<Record<PluginState, readonly PluginState[]>> = Object.freeze({
  registered: ['loading', 'failed', 'disabled', 'reloading'],
  loading: ['loaded', 'failed'],
  loaded: ['starting', 'unloaded', 'failed', 'reloading'],
  starting: ['started', 'failed'],
  started: ['stopping', 'failed', 'reloading'],
  stopping: ['stopped', 'failed'],
  stopped: ['starting', 'unloaded', 'failed', 'reloading'],
  unloaded: ['loading', 'failed', 'disabled', 'reloading'],
  failed: ['loading', 'failed', 'unloaded', 'disabled', 'reloading'],
  disabled: ['registered', 'unloaded', 'failed', 'loading', 'reloading'],
  reloading: ['loading', 'loaded', 'starting', 'started', 'stopping', 'stopped', 'unloaded', 'failed'],
});
