import { describeValue } from './describeValue.js';
import { MetricsError } from './MetricsError.js';

/**
 * Calls a plugin's `collectMetrics()` bounded by `timeoutMs`: resolves to what it returned, or a
 * `MetricsError` when it threw, rejected or did not answer in time (its late answer is ignored).
 * Never rejects.
 */
export async function runCollect(
  plugin: string,
  collect: () => unknown,
  timeoutMs: number,
): Promise<{ readonly value: unknown } | MetricsError> {
  const failed = (cause: unknown): MetricsError =>
    new MetricsError(
      `collectMetrics() of plugin '${plugin}' failed: ${describeValue(cause)}. Its samples are left out of this scrape.`,
      { code: 'TRELLIS_METRICS_COLLECT_FAILED', plugin, cause },
    );
  let answer: Promise<{ readonly value: unknown } | MetricsError>;
  try {
    answer = Promise.resolve(collect()).then((value) => ({ value }), failed);
  } catch (cause) {
    return failed(cause);
  }
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<MetricsError>((resolve) => {
    timer = setTimeout(() => {
      resolve(
        new MetricsError(
          `collectMetrics() of plugin '${plugin}' did not answer within ${timeoutMs} ms. Its samples are left out of this scrape; make it faster or raise its metricsCollectTimeout.`,
          { code: 'TRELLIS_METRICS_COLLECT_TIMEOUT', plugin },
        ),
      );
    }, timeoutMs);
  });
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}
