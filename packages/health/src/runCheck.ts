import { describeThrown } from './describeThrown.js';
import type { HealthCheck } from './HealthCheck.js';
import { HealthCheckError } from './HealthCheckError.js';
import type { HealthErrorCode } from './HEALTH_ERROR_CODES.js';
import type { HealthCheckResult } from './HealthReport.js';
import { toHealthResult } from './toHealthResult.js';

/** What {@link runCheck} reports besides the result: the error of a failed check, for logging. */
export interface CheckOutcome {
  readonly result: HealthCheckResult;
  readonly error: HealthCheckError | undefined;
}

/**
 * Runs one plugin's `checkHealth` bounded by `timeoutMs`. A throw, a rejection, a timeout (the
 * signal is aborted, the late answer ignored) or a result that is not a `HealthResult` all become an
 * `unhealthy` result naming the plugin. Never rejects.
 */
export async function runCheck(plugin: string, check: HealthCheck, timeoutMs: number): Promise<CheckOutcome> {
  const checkedAt = new Date().toISOString();
  const began = performance.now();
  const controller = new AbortController();
  const failed = (code: HealthErrorCode, message: string, cause?: unknown): CheckOutcome => {
    const error = new HealthCheckError(message, { code, plugin, cause });
    return {
      result: { status: 'unhealthy', message, checkedAt, durationMs: performance.now() - began, code },
      error,
    };
  };
  const answered = (value: unknown): CheckOutcome => {
    const result = toHealthResult(value);
    if (typeof result === 'string') {
      return failed(
        'TRELLIS_HEALTH_CHECK_INVALID',
        `The health check of plugin '${plugin}' ${result}: checkHealth() must return (or resolve to) ` +
          `{ status: 'healthy' | 'degraded' | 'unhealthy', message?, details? }.`,
      );
    }
    return { result: { ...result, checkedAt, durationMs: performance.now() - began }, error: undefined };
  };
  const threw = (cause: unknown): CheckOutcome =>
    failed(
      'TRELLIS_HEALTH_CHECK_FAILED',
      `The health check of plugin '${plugin}' failed: ${describeThrown(cause)}`,
      cause,
    );

  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<CheckOutcome>((resolve) => {
    timer = setTimeout(() => {
      const outcome = failed(
        'TRELLIS_HEALTH_CHECK_TIMEOUT',
        `The health check of plugin '${plugin}' did not answer within ${timeoutMs} ms: make it faster, ` +
          `honour its abort signal, or raise its healthCheckTimeout.`,
      );
      controller.abort(outcome.error);
      resolve(outcome);
    }, timeoutMs);
  });
  let answer: Promise<CheckOutcome>;
  try {
    // A plain value or any thenable: Promise.resolve adopts it (and rejects if its `then` throws).
    answer = Promise.resolve(check.checkHealth(controller.signal)).then(answered, threw);
  } catch (cause) {
    answer = Promise.resolve(threw(cause));
  }
  try {
    return await Promise.race([answer, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
