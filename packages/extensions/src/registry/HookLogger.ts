/** The subset of a pino logger the registry uses; any pino logger (or child) fits. */
export interface HookLogger {
  /** Debug-level entry (handler traces). */
  debug(obj: object, msg?: string): void;
  /** Info-level entry. */
  info(obj: object, msg?: string): void;
  /** Warning (async handler skipped by a synchronous dispatch, swallowed owner error). */
  warn(obj: object, msg?: string): void;
  /** Error (handler failure under `log-and-continue`). */
  error(obj: object, msg?: string): void;
}
