import { HookRecursionError } from '../errors/HookRecursionError.js';
import { TrellisError } from '../errors/TrellisError.js';

/** Tells whether `error` must cross every dispatch unchanged (recursion); never throws. */
export const isPassThrough = (error: unknown): boolean => TrellisError.is(error, HookRecursionError.CODE);
