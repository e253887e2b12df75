import type { HookContext } from '../handlers/HookContext.js';

/** A handler registered by event name: its value type is whatever the caller declares. */
export type EventHandler<T = unknown> = (value: T, ctx: HookContext) => unknown;
