/** A compiled subscription pattern. */
export interface EventPatternMatcher {
  /** The pattern as given. */
  readonly pattern: string;
  /** Whether an event of this type matches the pattern. */
  matches(type: string): boolean;
}
