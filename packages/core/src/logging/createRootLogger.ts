import { pino, type LoggerOptions } from 'pino';
import type { Logger } from './Logger.js';

/** What the manager's `logger` option accepts. */
export type LoggerSetting = Logger | LoggerOptions | false | undefined;

const isLogger = (value: unknown): value is Logger =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Partial<Logger>).child === 'function' &&
  typeof (value as Partial<Logger>).info === 'function';

/**
 * The manager's logger: the given pino logger, a new pino logger from options, a silent one for
 * `false` (it still has every method), or by default pino at `level`.
 */
export function createRootLogger(setting: LoggerSetting, level: string): Logger {
  if (setting === false) return pino({ level: 'silent' });
  if (isLogger(setting)) return setting;
  if (setting === undefined) return pino({ level });
  return pino({ level, ...setting });
}
