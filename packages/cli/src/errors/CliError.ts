import { TrellisError } from '@trellis/core';
import type { CliErrorCode } from './CLI_ERROR_CODES.js';

/** A command-line mistake: the message says what was wrong, `fix` what to type instead. */
export class CliError extends TrellisError {
  /** What to do about it, shown after the message. */
  readonly fix: string;

  constructor(code: CliErrorCode, message: string, fix: string) {
    super(message, { code });
    this.fix = fix;
  }
}
