/**
 * The time limit a handler runs with: its own, else the registry default; `Infinity` (own or
 * default) means none, so an own `Infinity` lifts the default.
 */
export function effectiveTimeout(own: number | undefined, fallback: number | undefined): number | undefined {
  const timeout = own ?? fallback;
  return timeout === Infinity ? undefined : timeout;
}
