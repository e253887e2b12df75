import type { HookTimeoutError } from '../errors/HookTimeoutError.js';
import type { HandlerContext } from './HandlerContext.js';
import { ABORT } from './contextInternals.js';

/**
 * Settles like `pending`, unless `ms` pass first: then `ctx.signal` is aborted with the timeout
 * error, and only after that is the returned promise rejected with it. A late settlement of
 * `pending` is ignored (a late rejection is swallowed: it has nowhere to go). The timer is cleared on
 * every settle path, including a `then` that throws.
 */
export function withTimeout(
  pending: PromiseLike<unknown>,
  ms: number,
  ctx: HandlerContext,
  timeoutError: () => HookTimeoutError,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      const error = timeoutError();
      ctx[ABORT](error);
      reject(error);
    }, ms);
    const settle = (): boolean => {
      if (done) return false;
      done = true;
      clearTimeout(timer);
      return true;
    };
    try {
      pending.then(
        (value) => {
          if (settle()) resolve(value);
        },
        (error: unknown) => {
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passes the handler's rejection on unchanged
          if (settle()) reject(error);
        },
      );
    } catch (error) {
      // A `then` that throws: reported at once, and the timer must not outlive it.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passes the handler's failure on unchanged
      if (settle()) reject(error);
    }
  });
}
