import { ValidationError } from '../errors/ValidationError.js';
import type { HookOptions } from '../handlers/HookOptions.js';

const isNonNegativeInteger = (value: unknown): boolean =>
  Number.isSafeInteger(value) && (value as number) >= 0;

/** Validates the numeric and string options of `registry.on()`; throws `ValidationError`. */
export function validateHookOptions(options: HookOptions, event: string): void {
  const where = `for a handler of '${event}'`;
  if (options.timeout !== undefined && !(typeof options.timeout === 'number' && options.timeout > 0)) {
    throw new ValidationError(
      `Invalid timeout ${JSON.stringify(options.timeout)} ${where}: use a positive number of milliseconds, or leave it out.`,
    );
  }
  if (options.retries !== undefined && !isNonNegativeInteger(options.retries)) {
    throw new ValidationError(
      `Invalid retries ${JSON.stringify(options.retries)} ${where}: use a whole number of repeats (0 or more).`,
    );
  }
  if (options.plugin !== undefined && (typeof options.plugin !== 'string' || options.plugin === '')) {
    throw new ValidationError(
      `Invalid plugin ${JSON.stringify(options.plugin)} ${where}: use the plugin's name.`,
    );
  }
  if (options.name !== undefined && typeof options.name !== 'string') {
    throw new ValidationError(`Invalid name ${JSON.stringify(options.name)} ${where}: use a string.`);
  }
}
