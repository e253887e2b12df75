import type { Logger as PinoLogger } from 'pino';

/** The logger Trellis gives the host and each plugin: a pino logger. */
export type Logger = PinoLogger;
