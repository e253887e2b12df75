import { describeValue } from '@trellis/extensions';
import type { Logger } from './Logger.js';

/**
 * Logs an entry that may carry a foreign value (`err` whose cause a plugin threw) without ever
 * throwing: when the logger cannot serialise it (a `Proxy` whose traps throw…), the entry is logged
 * again with `err` described as text, and dropped if even that fails. Internal.
 */
export function logSafely(
  logger: Logger,
  level: 'error' | 'warn' | 'debug',
  entry: Readonly<Record<string, unknown>>,
  message: string,
): void {
  try {
    logger[level](entry, message);
  } catch {
    try {
      logger[level]({ ...entry, err: describeValue(entry.err) }, message);
    } catch {
      // Nothing left to try: a log entry never breaks the lifecycle.
    }
  }
}
