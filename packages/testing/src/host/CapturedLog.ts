/** One log line a test host captured, as pino wrote it (level as a number, `msg`, bindings such as `plugin`). */
export interface CapturedLog {
  readonly level: number;
  readonly msg?: string;
  readonly plugin?: string;
  readonly [key: string]: unknown;
}
