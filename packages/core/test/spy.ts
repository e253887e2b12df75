/** A minimal call recorder for tests: a function that remembers its arguments. */
export interface Spy {
  (...args: unknown[]): undefined;
  readonly calls: unknown[][];
}

/** Creates a {@link Spy}. */
export function spy(): Spy {
  const calls: unknown[][] = [];
  const fn = (...args: unknown[]): undefined => {
    calls.push(args);
    return undefined;
  };
  return Object.assign(fn, { calls });
}
