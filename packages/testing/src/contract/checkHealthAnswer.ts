import { describeFailure } from './describeFailure.js';

const STATUSES = new Set(['healthy', 'degraded', 'unhealthy']);

/** Calls `checkHealth(signal)` and returns why it is not a valid answer within `timeout`, or undefined. */
export async function checkHealthAnswer(
  check: (signal: AbortSignal) => unknown,
  target: object,
  timeout: number,
): Promise<string | undefined> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => {
      resolve('late');
    }, timeout);
  });
  try {
    const answer = await Promise.race([
      Promise.resolve().then(() => check.call(target, controller.signal)),
      late,
    ]);
    if (answer === 'late') {
      controller.abort();
      return `checkHealth() did not answer within ${timeout} ms; bound its work with the signal it gets`;
    }
    const status = (answer as { status?: unknown } | null)?.status;
    if (
      typeof answer !== 'object' ||
      answer === null ||
      typeof status !== 'string' ||
      !STATUSES.has(status)
    ) {
      return `checkHealth() returned ${describeFailure(answer)}; return { status: 'healthy' | 'degraded' | 'unhealthy', message? }`;
    }
    return undefined;
  } catch (error) {
    return `checkHealth() threw ${describeFailure(error)}; report a problem as { status: 'unhealthy', message } instead`;
  } finally {
    clearTimeout(timer);
  }
}
