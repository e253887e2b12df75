import type { PointKind } from '../points/ExtensionPoint.js';

/** One handler in {@link PointDescription.handlers}. */
export interface HandlerDescription {
  /** The owner, or `undefined`. */
  readonly plugin: string | undefined;
  /** The numeric priority. */
  readonly priority: number;
  /** The handler's name. */
  readonly name: string;
  /** The name or wildcard pattern it was registered with. */
  readonly pattern: string;
  /** Whether its owner is enabled. */
  readonly enabled: boolean;
}

/** One entry of `registry.describe()`: a point (or a wildcard pattern) and its handlers. */
export interface PointDescription {
  /** The event name, or the pattern for a wildcard entry. */
  readonly name: string;
  /** The kind, when a typed point with this name was used; `undefined` for plain names. */
  readonly kind: PointKind | undefined;
  /** The point's description, if any. */
  readonly description: string | undefined;
  /** Whether `name` is a wildcard pattern. */
  readonly wildcard: boolean;
  /** The handlers a dispatch of `name` would consider, in dispatch order (wildcards included). */
  readonly handlers: readonly HandlerDescription[];
}
