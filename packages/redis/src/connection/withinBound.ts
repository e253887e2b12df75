import { TransportError } from '@trellis/core';

/**
 * Waits for a Redis command at most `ms`: past it, rejects with a `TransportError` (the command may
 * still run when the broker comes back). Internal.
 */
export function withinBound<T>(command: Promise<T>, ms: number, operation: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new TransportError({
          transport: 'redis',
          operation,
          reason: `Redis did not answer within ${String(ms)} ms; check that the broker is up (TRELLIS_REDIS_URL) or raise operationTimeoutMs`,
        }),
      );
    }, ms);
    command.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(
          new TransportError({
            transport: 'redis',
            operation,
            reason: error instanceof Error ? error.message : String(error),
            cause: error,
          }),
        );
      },
    );
  });
}
