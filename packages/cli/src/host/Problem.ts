/** One thing `trellis doctor` (or `list`) found wrong, with what to do about it. */
export interface Problem {
  readonly code: string;
  readonly plugin?: string;
  readonly file?: string;
  readonly message: string;
  readonly fix: string;
  /** `error` makes `doctor` exit 1; a `warning` is shown but does not. */
  readonly severity: 'error' | 'warning';
}
