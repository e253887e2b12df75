/**
 * Carries a thenable through the container. inversify awaits every resolved value that has a
 * `then` method (a fastify instance before it boots would be booted, and injected late); Trellis
 * injects values as they are, so thenables are bound in a box and unboxed where they are injected.
 * Internal.
 */
export class ThenableBox {
  readonly value: unknown;

  constructor(value: unknown) {
    this.value = value;
  }

  /** The value as the container should hold it: boxed when it is a thenable. */
  static wrap(value: unknown): unknown {
    return (typeof value === 'object' && value !== null) || typeof value === 'function'
      ? typeof (value as { then?: unknown }).then === 'function'
        ? new ThenableBox(value)
        : value
      : value;
  }

  /** The value a resolution gave, unboxed. */
  static unwrap(value: unknown): unknown {
    return value instanceof ThenableBox ? value.value : value;
  }
}
