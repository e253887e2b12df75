/**
 * Waits for `work`, but rejects with `onTimeout()` when it has not settled after `ms` milliseconds
 * (a non-finite `ms` waits for ever). The timer is cleared as soon as `work` settles.
 */
export function settleWithin<T>(work: PromiseLike<T>, ms: number, onTimeout: () => Error): Promise<T> {
  if (!Number.isFinite(ms)) return Promise.resolve(work);
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(onTimeout());
    }, ms);
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
  });
}
