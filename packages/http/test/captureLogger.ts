import type { Logger } from '@trellis/core';

/** One captured log call. */
export interface LogEntry {
  readonly level: string;
  readonly message: string;
  readonly fields: Record<string, unknown>;
}

/**
 * A pino-compatible logger that records every call (child bindings merged into the fields), for
 * tests that check what was logged.
 */
export function captureLogger(): { logger: Logger; entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const make = (bindings: Record<string, unknown>): Logger => {
    const at =
      (level: string) =>
      (first?: unknown, second?: unknown): void => {
        const fields = typeof first === 'object' && first !== null ? (first as Record<string, unknown>) : {};
        const message = typeof first === 'string' ? first : typeof second === 'string' ? second : '';
        entries.push({ level, message, fields: { ...bindings, ...fields } });
      };
    const logger = {
      level: 'trace',
      fatal: at('fatal'),
      error: at('error'),
      warn: at('warn'),
      info: at('info'),
      debug: at('debug'),
      trace: at('trace'),
      silent: () => undefined,
      isLevelEnabled: () => true,
      child: (more: Record<string, unknown>) => make({ ...bindings, ...more }),
      bindings: () => bindings,
      flush: () => undefined,
    };
    return logger as unknown as Logger;
  };
  return { logger: make({}), entries };
}
