/** The outcome of one contract check. */
export interface ContractCheckResult {
  /** The check's name, e.g. `'stops cleanly'`. */
  readonly check: string;
  /** Whether it passed; a skipped check (nothing to check) passes with `skipped: true`. */
  readonly passed: boolean;
  readonly skipped?: boolean;
  /** Why it failed or was skipped. */
  readonly reason?: string;
}
