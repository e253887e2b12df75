import { showValue } from '../errors/showValue.js';
import { ValidationError } from '../errors/ValidationError.js';
import type { RegistryOptions } from './RegistryOptions.js';

const DEFAULT_MAX_DEPTH = 100;

/** The validated numeric options of a registry (the others are validated where they are used). */
export interface ValidatedRegistryOptions {
  readonly maxDepth: number;
  readonly compileAfter: number | undefined;
}

/** Validates `maxDepth`, `compileAfter` and `onWarning`; throws `ValidationError` naming the option. */
export function validateRegistryOptions(options: RegistryOptions): ValidatedRegistryOptions {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (!Number.isSafeInteger(maxDepth) || maxDepth < 1) {
    throw new ValidationError(`Invalid maxDepth ${showValue(maxDepth)}: use a whole number of 1 or more.`);
  }
  const compileAfter = options.compileAfter;
  if (compileAfter !== undefined && !(typeof compileAfter === 'number' && compileAfter >= 0)) {
    throw new ValidationError(
      `Invalid compileAfter ${showValue(compileAfter)}: use a number of dispatches (0 or more, Infinity for never).`,
    );
  }
  if (options.onWarning !== undefined && typeof options.onWarning !== 'function') {
    throw new ValidationError(
      `Invalid onWarning ${showValue(options.onWarning)}: use a function or leave it out.`,
    );
  }
  return { maxDepth, compileAfter };
}
