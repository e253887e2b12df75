import { ValidationError } from '../errors/ValidationError.js';
import type { PointKind } from '../points/ExtensionPoint.js';
import { DISPATCHER } from './DISPATCHER.js';

/** The error of a point (or claimed name) dispatched with another kind than its own. */
export const wrongKind = (name: string, actual: PointKind, attempted: PointKind): ValidationError =>
  new ValidationError(
    `'${name}' is a ${actual} point; use ${DISPATCHER[actual]} (it was dispatched as a ${attempted} point).`,
  );
