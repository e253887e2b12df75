import { showValue } from '../errors/showValue.js';
import { ValidationError } from '../errors/ValidationError.js';
import type { DefinePointOptions, ExtensionPoint, PointKind, PointMode } from './ExtensionPoint.js';
import { validateEventName } from './validateEventName.js';

/** Builds the frozen run-time object behind every `define…` function. */
export function definePoint<TKind extends PointKind, TIn, TOut>(
  kind: TKind,
  name: string,
  options: DefinePointOptions | undefined,
): ExtensionPoint<TKind, TIn, TOut> {
  validateEventName(name, { allowPattern: false });
  const point: { name: string; kind: TKind; description?: string; mode?: PointMode } = { name, kind };
  if (options?.description !== undefined) point.description = options.description;
  const mode = options?.mode;
  if (mode !== undefined) {
    if ((mode as unknown) !== 'sync' && (mode as unknown) !== 'async') {
      throw new ValidationError(
        `Invalid mode ${showValue(mode)} for point '${name}': use 'sync', 'async' or leave it out.`,
      );
    }
    // Middleware always runs asynchronously: only 'async' describes it.
    if (kind === 'middleware' && mode === 'sync') {
      throw new ValidationError(
        `Middleware point '${name}' cannot be mode 'sync': registry.run() is asynchronous; use 'async' or leave it out.`,
      );
    }
    point.mode = mode;
  }
  return Object.freeze(point);
}
