import type { CollectPoint, DefinePointOptions } from './ExtensionPoint.js';
import { definePoint } from './definePoint.js';

/**
 * Defines a collect point: the dispatch returns the non-`undefined` results of the handlers, in
 * handler order.
 *
 * @example
 * ```ts
 * const Health = defineCollect<void, HealthResult>('health.check');
 * ```
 */
export function defineCollect<TIn, TOut>(
  name: string,
  options?: DefinePointOptions,
): CollectPoint<TIn, TOut> {
  return definePoint<'collect', TIn, TOut>('collect', name, options);
}
