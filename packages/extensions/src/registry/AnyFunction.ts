/** Any function, as accepted by `off()`. */
export type AnyFunction = (...args: never[]) => unknown;
