/** The codes of {@link RegistryWarning}s. */
export type RegistryWarningCode = 'TRELLIS_ASYNC_HANDLER_SKIPPED';

/**
 * Something the host should know that is not a failure, given to `RegistryOptions.onWarning`
 * (whatever the logger): today, an async handler that a synchronous dispatch skipped.
 */
export interface RegistryWarning {
  /** Stable code of the warning. */
  readonly code: RegistryWarningCode;
  /** What happened and how to fix it. */
  readonly message: string;
  /** The owner of the handler concerned (absent when it has none). */
  readonly plugin?: string;
  /** The event concerned (absent when none). */
  readonly event?: string;
}
