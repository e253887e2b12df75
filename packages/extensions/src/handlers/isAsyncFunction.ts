/**
 * Whether `fn` is declared `async` (an `AsyncFunction`). Bound or wrapped async functions cannot be
 * recognised; register those with `{ async: true }`.
 */
export function isAsyncFunction(fn: unknown): boolean {
  return typeof fn === 'function' && Object.prototype.toString.call(fn) === '[object AsyncFunction]';
}
