import type { HookError } from '../errors/HookError.js';

/** The result of one handler run on the general (feature-rich) path. */
export type RunOutcome =
  | { readonly status: 'ok'; readonly result: unknown; readonly stopped: boolean }
  | { readonly status: 'failed'; readonly error: HookError }
  | { readonly status: 'skipped' };

/** The outcome of a `once` handler that already ran. */
export const SKIPPED: RunOutcome = Object.freeze({ status: 'skipped' });
