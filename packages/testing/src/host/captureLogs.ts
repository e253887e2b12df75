import { pino, type Logger as PinoLogger } from 'pino';
import type { CapturedLog } from './CapturedLog.js';

/** A pino logger whose lines are parsed and kept in `logs` instead of being written anywhere. */
export function captureLogs(level: string): { readonly logger: PinoLogger; readonly logs: CapturedLog[] } {
  const logs: CapturedLog[] = [];
  const stream = {
    write(line: string): void {
      try {
        logs.push(JSON.parse(line) as CapturedLog);
      } catch {
        logs.push({ level: 60, msg: line });
      }
    },
  };
  return { logger: pino({ level }, stream), logs };
}
