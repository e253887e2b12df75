import { TrellisError } from '@trellis/extensions';
import type { CoreErrorCode } from './CoreErrorCode.js';

/** The codes a {@link DependencyError} can carry, one per kind of dependency problem. */
export type DependencyErrorCode = Extract<CoreErrorCode, `TRELLIS_DEPENDENCY_${string}`>;

/** Options of {@link DependencyError}. */
export interface DependencyErrorOptions {
  /** Which kind of problem. */
  readonly code: DependencyErrorCode;
  /** The plugin that cannot be loaded. */
  readonly plugin: string;
  /** The dependency concerned (absent for engine problems). */
  readonly dependency?: string | undefined;
  /** For cycles: the plugins on the cycle, the first repeated at the end. */
  readonly cycle?: readonly string[] | undefined;
  /** The dependency's own error, for `TRELLIS_DEPENDENCY_FAILED`. */
  readonly cause?: unknown;
}

/**
 * A plugin cannot run because of its dependencies: one is missing, at the wrong version, failed,
 * disabled, part of a cycle, or the host's Trellis version is outside `engines.trellis`. The code
 * says which (`TRELLIS_DEPENDENCY_*`) and the message names every plugin involved.
 */
export class DependencyError extends TrellisError {
  /** The plugin that cannot be loaded. */
  readonly plugin: string;
  /** The dependency concerned, if any. */
  readonly dependency: string | undefined;
  /** For cycles: the plugins on the cycle, the first repeated at the end. */
  readonly cycle: readonly string[] | undefined;

  constructor(message: string, options: DependencyErrorOptions) {
    super(message, { code: options.code, cause: options.cause });
    this.plugin = options.plugin;
    this.dependency = options.dependency;
    this.cycle = options.cycle;
  }
}
