import { ValidationError } from '../errors/ValidationError.js';
import { showValue } from '../errors/showValue.js';
import type { HookOptions } from '../handlers/HookOptions.js';
import { isValidTimeout } from '../handlers/isValidTimeout.js';
import { MAX_TIMEOUT } from '../handlers/MAX_TIMEOUT.js';

const isNonNegativeInteger = (value: unknown): boolean =>
  Number.isSafeInteger(value) && (value as number) >= 0;

/** Validates the numeric and string options of `registry.on()`; throws `ValidationError`. */
export function validateHookOptions(options: HookOptions, event: string): void {
  const where = `for a handler of '${event}'`;
  if (options.timeout !== undefined && !isValidTimeout(options.timeout)) {
    throw new ValidationError(
      `Invalid timeout ${showValue(options.timeout)} (option timeout) ${where}: use a positive number of milliseconds up to ` +
        `${MAX_TIMEOUT}, Infinity for none, or leave it out for the registry default.`,
    );
  }
  if (options.retries !== undefined && !isNonNegativeInteger(options.retries)) {
    throw new ValidationError(
      `Invalid retries ${showValue(options.retries)} ${where}: use a whole number of repeats (0 or more).`,
    );
  }
  if (options.plugin !== undefined && (typeof options.plugin !== 'string' || options.plugin === '')) {
    throw new ValidationError(`Invalid plugin ${showValue(options.plugin)} ${where}: use the plugin's name.`);
  }
  if (options.name !== undefined && typeof options.name !== 'string') {
    throw new ValidationError(`Invalid name ${showValue(options.name)} ${where}: use a string.`);
  }
}
