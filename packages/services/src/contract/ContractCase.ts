/** One case of a contract suite: run it under any test runner (`it(c.name, c.run)`). */
export interface ContractCase {
  readonly name: string;
  /** Resolves when the case passes; rejects (an `AssertionError`) when it fails. */
  readonly run: () => Promise<void>;
}
