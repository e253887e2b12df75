import { showValue } from '../errors/showValue.js';
import { ValidationError } from '../errors/ValidationError.js';
import { PRIORITIES, type Priority } from './Priority.js';

/** Turns a {@link Priority} into its number; `undefined` is `'normal'` (50). */
export function resolvePriority(priority: Priority | undefined, event: string): number {
  if (priority === undefined) return PRIORITIES.normal;
  if (typeof priority === 'number') {
    if (Number.isFinite(priority)) return priority;
  } else if (Object.hasOwn(PRIORITIES, priority)) {
    return PRIORITIES[priority];
  }
  throw new ValidationError(
    `Invalid priority ${showValue(priority)} for a handler of '${event}': use a finite number or ` +
      `one of ${Object.keys(PRIORITIES)
        .map((name) => `'${name}'`)
        .join(', ')}.`,
  );
}
