import { showValue } from '../errors/showValue.js';
import { ValidationError } from '../errors/ValidationError.js';
import { isPattern } from '../wildcard/isPattern.js';

const SEGMENTED = /^[^\s.]+(?:\.[^\s.]+)*$/;

/**
 * Checks that `name` is a dot-separated event name without empty segments or whitespace. When
 * `allowPattern` is false, wildcard syntax is rejected too.
 */
export function validateEventName(name: unknown, options: { readonly allowPattern: boolean }): string {
  if (typeof name !== 'string' || !SEGMENTED.test(name)) {
    throw new ValidationError(
      `Invalid event name ${showValue(name)}: use dot-separated segments without spaces, ` +
        `e.g. 'user.login' or 'db.before_save'.`,
    );
  }
  if (!options.allowPattern && isPattern(name)) {
    throw new ValidationError(
      `Invalid extension point name '${name}': wildcards are only allowed when registering handlers, ` +
        `not in a defined point. Define the concrete name and register '${name}' with registry.on().`,
    );
  }
  return name;
}
