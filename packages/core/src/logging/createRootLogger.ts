import { pino, stdSerializers, type LoggerOptions } from 'pino';
import pinoPretty from 'pino-pretty';
import type { Logger } from './Logger.js';

/** What the manager's `logger` option accepts. */
export type LoggerSetting = Logger | LoggerOptions | false | undefined;

/** Where the default logger writes and the environment it reads; tests replace both. Internal. */
export interface LogEnvironment {
  /** Default `process.stdout`; readable lines are printed when it is a TTY. */
  readonly destination?: NodeJS.WritableStream & { readonly isTTY?: boolean };
  /** Default `process.env` (`NODE_ENV`, `NO_COLOR`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const isLogger = (value: unknown): value is Logger =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Partial<Logger>).child === 'function' &&
  typeof (value as Partial<Logger>).info === 'function';

/** An error as a person reads it: type, code and message (which says how to fix it), no stack. */
function briefError(error: unknown): unknown {
  try {
    if (!(error instanceof Error)) return error;
    const code = (error as { code?: unknown }).code;
    return { type: error.name, ...(typeof code === 'string' ? { code } : {}), message: error.message };
  } catch {
    return '[unreadable error]';
  }
}

/**
 * How an error is shown under its log line: its stack at debug level; otherwise one line, or
 * nothing when the line already says it (a Trellis failure is logged with its own message).
 */
function prettyError(value: unknown, _key: string, log: { readonly msg?: unknown }): string | undefined {
  if (typeof value !== 'object' || value === null) return String(value);
  const { stack, type, code, message } = value as Record<string, unknown>;
  if (typeof stack === 'string') return stack;
  if (typeof message === 'string' && typeof log.msg === 'string' && log.msg.includes(message))
    return undefined;
  const label = [type, code].filter((part) => typeof part === 'string').join(' ');
  return `${label}: ${String(message)}`;
}

/** The default logger on a terminal: one readable line per entry, stacks only at debug. */
function prettyLogger(level: string, environment: Required<LogEnvironment>): Logger {
  const stream = pinoPretty({
    destination: environment.destination,
    sync: true,
    colorize: environment.env.NO_COLOR === undefined,
    translateTime: 'HH:MM:ss.l',
    ignore: 'pid,hostname,plugin,code',
    messageFormat: '{if plugin}[{plugin}] {end}{if code}{code} {end}{msg}',
    customPrettifiers: { err: prettyError as (value: string | object) => string },
  });
  const logger: Logger = pino(
    {
      level,
      serializers: {
        err: (error: unknown): unknown =>
          logger.isLevelEnabled('debug') ? stdSerializers.err(error as Error) : briefError(error),
      },
    },
    stream,
  );
  return logger;
}

/**
 * The manager's logger: the given pino logger, a new pino logger from options, a silent one for
 * `false` (it still has every method), or by default pino at `level`: JSON lines, or on a terminal
 * (when `NODE_ENV` is not `production`) readable lines through pino-pretty, with each error's code
 * and message and its stack only at debug level.
 */
export function createRootLogger(
  setting: LoggerSetting,
  level: string,
  environment: LogEnvironment = {},
): Logger {
  if (setting === false) return pino({ level: 'silent' });
  if (isLogger(setting)) return setting;
  if (setting !== undefined) return pino({ level, ...setting });
  const destination = environment.destination ?? process.stdout;
  const env = environment.env ?? process.env;
  if (destination.isTTY === true && env.NODE_ENV !== 'production') {
    return prettyLogger(level, { destination, env });
  }
  return environment.destination === undefined ? pino({ level }) : pino({ level }, environment.destination);
}
