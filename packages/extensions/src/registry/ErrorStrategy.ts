/**
 * What a dispatch does when a handler fails:
 * - `log-and-continue`: log, call the owner's error handler, notify `trellis.plugin.error`, go on
 *   with the value unchanged;
 * - `fail-fast`: throw a `HookError` at once;
 * - `collect-all`: run every handler, then throw a `HookAggregateError` if any failed.
 */
export type ErrorStrategy = 'log-and-continue' | 'fail-fast' | 'collect-all';

/** Every valid {@link ErrorStrategy}. */
export const ERROR_STRATEGIES: readonly ErrorStrategy[] = Object.freeze([
  'log-and-continue',
  'fail-fast',
  'collect-all',
]);
