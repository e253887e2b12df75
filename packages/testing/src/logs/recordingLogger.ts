import type { Logger } from '@trellis/core';

/** One call a {@link recordingLogger} recorded. */
export interface RecordedLog {
  readonly level: string;
  readonly message: string;
  readonly fields: Record<string, unknown>;
}

/**
 * A pino-compatible logger that records every call as it is made (child bindings merged into the
 * fields, nothing serialised), for unit tests that check what a plugin or a system plugin logged.
 * `createTestHost` captures real pino output instead.
 *
 * @example
 * const { logger, entries } = recordingLogger();
 * const manager = new PluginManager({ logger });
 * // … entries.filter((entry) => entry.level === 'error')
 */
export function recordingLogger(): { logger: Logger; entries: RecordedLog[] } {
  const entries: RecordedLog[] = [];
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
