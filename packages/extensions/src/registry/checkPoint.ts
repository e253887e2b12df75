import { showValue } from '../errors/showValue.js';
import { ValidationError } from '../errors/ValidationError.js';
import type { AnyExtensionPoint } from '../points/ExtensionPoint.js';

const POINT_KINDS: readonly unknown[] = ['filter', 'notify', 'collect', 'middleware'];

/** Returns `point` when it is an extension point object; throws a `ValidationError` otherwise. */
export function checkPoint(point: AnyExtensionPoint): AnyExtensionPoint {
  if (
    typeof point !== 'object' ||
    (point as unknown) === null ||
    typeof point.name !== 'string' ||
    !POINT_KINDS.includes(point.kind)
  ) {
    throw new ValidationError(
      `Expected an event name or an extension point made by defineFilter/defineNotify/defineCollect/` +
        `defineMiddleware, got ${showValue(point)}.`,
    );
  }
  return point;
}
