/**
 * Waits for `work`, but rejects with `onTimeout()` when it has not settled after `ms` milliseconds
 * (a non-finite `ms` waits for ever; `ms` is at most 2^31 − 1, checked with the options). The timer is
 * cleared on every settle path, including a `then` that throws.
 */
export function settleWithin<T>(work: PromiseLike<T>, ms: number, onTimeout: () => Error): Promise<T> {
  if (!Number.isFinite(ms)) return Promise.resolve(work);
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(onTimeout());
    }, ms);
    try {
      work.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          // Pass on exactly what the work rejected with: callers wrap it as a cause.
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
          reject(error);
        },
      );
    } catch (error) {
      // A thenable whose then() throws has settled: no timer may outlive it.
      clearTimeout(timer);
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      reject(error);
    }
  });
}
