/** The metric methods a plugin instance has (either may be missing). Never throws. */
export function metricMethodsOf(instance: unknown): {
  readonly definitions: (() => unknown) | undefined;
  readonly collect: (() => unknown) | undefined;
} {
  try {
    const candidate = instance as { metricDefinitions?: unknown; collectMetrics?: unknown } | undefined;
    const definitions = candidate?.metricDefinitions;
    const collect = candidate?.collectMetrics;
    return {
      definitions:
        typeof definitions === 'function' ? () => definitions.call(instance) as unknown : undefined,
      collect: typeof collect === 'function' ? () => collect.call(instance) as unknown : undefined,
    };
  } catch {
    return { definitions: undefined, collect: undefined };
  }
}
