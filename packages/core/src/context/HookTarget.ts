import type { ExtensionPoint, HookContext, PointKind } from '@trellis/extensions';

/** What a hook can be registered on: an event name (wildcards allowed) or a typed point. */
export type HookTarget<T> = string | ExtensionPoint<PointKind, T, unknown>;

/** A filter, notify or collect handler as plugins register it. */
export type HookHandler<T> = (value: T, ctx: HookContext) => unknown;
