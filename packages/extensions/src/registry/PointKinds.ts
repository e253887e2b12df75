import { ValidationError } from '../errors/ValidationError.js';
import type { AnyExtensionPoint, PointKind, PointMode } from '../points/ExtensionPoint.js';
import { DISPATCHER } from './DISPATCHER.js';

/** What a typed point told the registry about its name. */
export interface ClaimedPoint {
  readonly kind: PointKind;
  readonly description: string | undefined;
  readonly mode: PointMode | undefined;
}

/** The kinds (and descriptions) claimed by typed points, per name: a name has at most one kind. */
export class PointKinds {
  readonly #claims = new Map<string, ClaimedPoint>();

  /** The claim on `name`, if a typed point used it. */
  get(name: string): ClaimedPoint | undefined {
    return this.#claims.get(name);
  }

  /** The names claimed so far. */
  names(): IterableIterator<string> {
    return this.#claims.keys();
  }

  /**
   * Records the kind of a typed point; returns whether the name was new. A name used with two
   * kinds throws a `ValidationError`.
   */
  claim(point: AnyExtensionPoint): boolean {
    const known = this.#claims.get(point.name);
    if (known === undefined) {
      this.#claims.set(point.name, { kind: point.kind, description: point.description, mode: point.mode });
      return true;
    }
    if (known.kind === point.kind && known.mode !== point.mode) {
      throw new ValidationError(
        `'${point.name}' is already a ${known.kind} point of mode ${known.mode ?? 'unset'}, so a point of ` +
          `mode ${point.mode ?? 'unset'} cannot use the same name; define the point once and share it.`,
      );
    }
    if (known.kind !== point.kind) {
      throw new ValidationError(
        `'${point.name}' is already a ${known.kind} point, so a ${point.kind} point cannot use the same name; ` +
          `rename one of them (or use ${DISPATCHER[known.kind]}).`,
      );
    }
    return false;
  }
}
