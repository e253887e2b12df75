import { showValue } from '../errors/showValue.js';
import { ValidationError } from '../errors/ValidationError.js';
import { ERROR_STRATEGIES, type ErrorStrategy } from './ErrorStrategy.js';

/** Returns `strategy` when it is a valid {@link ErrorStrategy}, else throws `ValidationError`. */
export function validateErrorStrategy(strategy: unknown): ErrorStrategy {
  if ((ERROR_STRATEGIES as readonly unknown[]).includes(strategy)) return strategy as ErrorStrategy;
  throw new ValidationError(
    `Unknown error strategy ${showValue(strategy)}: use one of ` +
      `${ERROR_STRATEGIES.map((name) => `'${name}'`).join(', ')}.`,
  );
}
