import type { DefinePointOptions, ExtensionPoint, PointKind } from './ExtensionPoint.js';
import { validateEventName } from './validateEventName.js';

/** Builds the frozen run-time object behind every `define…` function. */
export function definePoint<TKind extends PointKind, TIn, TOut>(
  kind: TKind,
  name: string,
  options: DefinePointOptions | undefined,
): ExtensionPoint<TKind, TIn, TOut> {
  validateEventName(name, { allowPattern: false });
  const point: { name: string; kind: TKind; description?: string } = { name, kind };
  if (options?.description !== undefined) point.description = options.description;
  return Object.freeze(point);
}
