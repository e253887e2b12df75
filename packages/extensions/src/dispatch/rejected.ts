/** A promise rejected with `error` exactly as it was caught (handlers may throw non-`Error` values). */
export function rejected(error: unknown): Promise<never> {
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- rethrows a caught value unchanged
  return Promise.reject(error);
}
