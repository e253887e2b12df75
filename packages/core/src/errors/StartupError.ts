import { TrellisError } from '@trellis/extensions';
import type { CoreErrorCode } from './CoreErrorCode.js';

/**
 * Raised in `onPluginFailure: 'abort'` mode when plugins fail while the host starts: `errors`
 * holds every failure (and any error met while stopping what had started). Code `TRELLIS_STARTUP`.
 */
export class StartupError extends TrellisError {
  /** The code of every `StartupError`. */
  static readonly CODE = 'TRELLIS_STARTUP' satisfies CoreErrorCode;

  /** Every failure, in the order met. */
  readonly errors: readonly TrellisError[];

  constructor(errors: readonly TrellisError[]) {
    const first = errors[0];
    super(
      `Startup aborted: ${errors.length} failure${errors.length === 1 ? '' : 's'}` +
        (first === undefined ? '.' : ` (first: ${first.message})`) +
        ` Whatever had started was stopped. Inspect 'errors', fix the plugins concerned, or use ` +
        `onPluginFailure: 'isolate' to run without them.`,
      { code: StartupError.CODE, cause: first },
    );
    this.errors = errors;
  }
}
