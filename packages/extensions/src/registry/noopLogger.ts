import type { HookLogger } from './HookLogger.js';

const ignore = (): void => undefined;

/** The logger used when none is given: drops everything. */
export const noopLogger: HookLogger = Object.freeze({
  debug: ignore,
  info: ignore,
  warn: ignore,
  error: ignore,
});
