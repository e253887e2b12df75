import type { AnyExtensionPoint } from '../points/ExtensionPoint.js';

/** The input type a point carries (`unknown` for an untyped one). */
type PointInput<TPoint> = TPoint extends { readonly __types?: { readonly in: infer TIn } } ? TIn : unknown;

/**
 * What the untyped `registry.on()` overload accepts: an event name, or a point whose types are not
 * known statically (`AnyExtensionPoint`). A typed point resolves to `never` here, so a handler that
 * does not fit it fails to compile instead of falling through to the untyped overload.
 */
export type UntypedTarget<TTarget extends string | AnyExtensionPoint> = TTarget extends string
  ? TTarget
  : unknown extends PointInput<TTarget>
    ? TTarget
    : never;
