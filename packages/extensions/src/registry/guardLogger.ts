import { describeValue } from '../errors/describeValue.js';
import type { HookLogger } from './HookLogger.js';

type Level = keyof HookLogger;

/**
 * Wraps `logger` so that logging never throws: an entry whose `err` the logger cannot serialise (a
 * hostile value in the error or its cause) is logged again with the error described as text, and if
 * that fails too the entry is dropped. A dispatch must never fail because of its logs.
 */
export function guardLogger(logger: HookLogger): HookLogger {
  const guarded =
    (level: Level) =>
    (obj: object, msg?: string): void => {
      try {
        logger[level](obj, msg);
      } catch {
        try {
          const { err, ...rest } = obj as { err?: unknown };
          logger[level]({ ...rest, err: describeValue(err) }, msg);
        } catch {
          // Nothing left to try: the entry is dropped rather than break the dispatch.
        }
      }
    };
  return Object.freeze({
    debug: guarded('debug'),
    info: guarded('info'),
    warn: guarded('warn'),
    error: guarded('error'),
  });
}
