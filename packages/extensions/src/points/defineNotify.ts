import type { DefinePointOptions, NotifyPoint } from './ExtensionPoint.js';
import { definePoint } from './definePoint.js';

/**
 * Defines a notify (broadcast) point: every handler gets the same payload; results are ignored.
 *
 * @example
 * ```ts
 * const UserLogin = defineNotify<{ username: string }>('user.login');
 * ```
 */
export function defineNotify<T>(name: string, options?: DefinePointOptions): NotifyPoint<T> {
  return definePoint<'notify', T, void>('notify', name, options);
}
