/** A compiled runner factory (one per runner shape); called with the bindings in the order of its parameters. */
export type RunnerFactory = (...bindings: unknown[]) => unknown;
