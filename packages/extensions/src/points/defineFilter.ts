import type { DefinePointOptions, FilterPoint } from './ExtensionPoint.js';
import { definePoint } from './definePoint.js';

/**
 * Defines a filter (waterfall) point: each handler may return a replacement value; `undefined`
 * keeps the current one.
 *
 * @example
 * ```ts
 * const BeforeSave = defineFilter<User>('db.before_save', { description: 'Validate/transform a user' });
 * ```
 */
export function defineFilter<T>(name: string, options?: DefinePointOptions): FilterPoint<T> {
  return definePoint<'filter', T, T>('filter', name, options);
}
