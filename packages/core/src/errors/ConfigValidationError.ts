import { TrellisError } from '@trellis/extensions';
import type { CoreErrorCode } from './CoreErrorCode.js';

/** One problem found in a plugin's config section. */
export interface ConfigProblem {
  /** The key of the section concerned. */
  readonly key: string;
  /** What is wrong (never contains a secret value). */
  readonly message: string;
}

/**
 * A plugin's config section does not match its schema. Every problem is listed, at once, in
 * `problems` and in the message; secret values never appear. Code `TRELLIS_CONFIG_VALIDATION`.
 */
export class ConfigValidationError extends TrellisError {
  /** The code of every `ConfigValidationError`. */
  static readonly CODE = 'TRELLIS_CONFIG_VALIDATION' satisfies CoreErrorCode;

  /** The plugin whose config is invalid. */
  readonly plugin: string;
  /** Every problem found. */
  readonly problems: readonly ConfigProblem[];

  constructor(plugin: string, problems: readonly ConfigProblem[]) {
    super(
      `Invalid config for plugin '${plugin}' (${problems.length} problem${problems.length === 1 ? '' : 's'}): ` +
        `${problems.map((problem) => `${problem.key}: ${problem.message}`).join('; ')}. ` +
        `Fix the '${plugin}' section of the manager's config.`,
      { code: ConfigValidationError.CODE },
    );
    this.plugin = plugin;
    this.problems = problems;
  }
}
