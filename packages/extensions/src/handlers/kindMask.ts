import { showValue } from '../errors/showValue.js';
import { ValidationError } from '../errors/ValidationError.js';
import type { PointKind } from '../points/ExtensionPoint.js';

const KIND_BITS: ReadonlyMap<unknown, number> = new Map<PointKind, number>([
  ['filter', 1],
  ['notify', 2],
  ['collect', 4],
  ['middleware', 8],
]);

/** The mask of a registration that joins every kind of dispatch. */
export const ALL_KINDS = 15;

/** The bit of one dispatch kind in a kinds mask. */
export const kindBit = (kind: PointKind): number => KIND_BITS.get(kind) ?? 0;

/**
 * The `kinds` option of a registration as a bit mask ({@link ALL_KINDS} when left out); an empty
 * list or an unknown kind throws `ValidationError` naming the event.
 */
export function kindMask(kinds: readonly PointKind[] | undefined, event: string): number {
  if (kinds === undefined) return ALL_KINDS;
  const fix = `use a non-empty list of 'filter', 'notify', 'collect' and 'middleware', or leave it out`;
  if (!Array.isArray(kinds) || kinds.length === 0) {
    throw new ValidationError(`Invalid kinds ${showValue(kinds)} for a handler of '${event}': ${fix}.`);
  }
  let mask = 0;
  for (const kind of kinds as readonly unknown[]) {
    const bit = KIND_BITS.get(kind);
    if (bit === undefined) {
      throw new ValidationError(`Unknown kind ${showValue(kind)} for a handler of '${event}': ${fix}.`);
    }
    mask |= bit;
  }
  return mask;
}
