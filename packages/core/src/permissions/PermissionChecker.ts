import type { PermissionError } from './PermissionError.js';

/** A denial, as `onDenied` listeners get it. */
export interface PermissionDenial {
  readonly plugin: string;
  readonly permission: string;
}

/**
 * One plugin's permissions, as the host enforces them: what system plugins use in their per-plugin
 * facades (`ctx.get(TOKENS.Permissions)` or `manager.permissions.for(name)`).
 *
 * @example
 * ```ts
 * permissions.check(`events.publish:${event}`); // throws PermissionError when not allowed
 * ```
 */
export interface PermissionChecker {
  /** The plugin these permissions belong to. */
  readonly plugin: string;
  /** Whether permissions are enforced for it (it declares some, or the host lists it in `grants`). */
  readonly enforced: boolean;
  /** What it declares. */
  readonly declared: readonly string[];
  /** The declared entries the host grants. */
  readonly granted: readonly string[];
  /** Whether `permission` is allowed (always true for a trusted plugin). Counts nothing. */
  has(permission: string): boolean;
  /** Throws `PermissionError` (logged once per permission, counted, `onDenied` told) unless allowed. */
  check(permission: string): void;
  /**
   * The `PermissionError` of a denial (logged, counted and announced like `check`), or `undefined`
   * when allowed: for facades whose methods return promises (`return Promise.reject(denied)`).
   */
  denial(permission: string): PermissionError | undefined;
}
