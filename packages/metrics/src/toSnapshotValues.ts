import { describeValue } from './describeValue.js';
import { MetricsError } from './MetricsError.js';
import type { SnapshotValue } from './SnapshotMetric.js';
import type { CheckedDefinition } from './validateDefinitions.js';

/**
 * Turns what a plugin's `collectMetrics()` returned into exposition values per metric name, checking
 * each name is declared, each value is a number (not negative for a counter) and each label is
 * declared. All or nothing: any problem gives a `MetricsError` naming the plugin. Never throws.
 */
export function toSnapshotValues(
  plugin: string,
  definitions: ReadonlyMap<string, CheckedDefinition>,
  collected: unknown,
): Map<string, SnapshotValue[]> | MetricsError {
  const invalid = (problem: string): MetricsError =>
    new MetricsError(
      `collectMetrics() of plugin '${plugin}' ${problem}. Its samples are left out of this scrape.`,
      { code: 'TRELLIS_METRICS_VALUE', plugin },
    );
  if (typeof collected !== 'object' || collected === null || Array.isArray(collected)) {
    return invalid(`returned ${describeValue(collected)}, not an object of metric name → value`);
  }
  const result = new Map<string, SnapshotValue[]>();
  const checkValue = (definition: CheckedDefinition, value: unknown): string | undefined => {
    if (typeof value !== 'number' || Number.isNaN(value))
      return `gave ${describeValue(value)} for '${definition.name}', not a number`;
    if (definition.type === 'counter' && value < 0)
      return `gave ${value} for counter '${definition.name}' (a counter is never negative)`;
    return undefined;
  };
  try {
    for (const [name, entry] of Object.entries(collected)) {
      const definition = definitions.get(name);
      if (definition === undefined)
        return invalid(`gave a value for '${name}', which it does not declare in metricDefinitions()`);
      if (!Array.isArray(entry)) {
        const problem = checkValue(definition, entry);
        if (problem !== undefined) return invalid(problem);
        result.set(name, [{ value: entry as number, labels: {} }]);
        continue;
      }
      const values: SnapshotValue[] = [];
      for (const sample of entry as readonly unknown[]) {
        if (typeof sample !== 'object' || sample === null)
          return invalid(`gave ${describeValue(sample)} as a sample of '${name}'; use { labels, value }`);
        const { labels = {}, value } = sample as { labels?: unknown; value?: unknown };
        const problem = checkValue(definition, value);
        if (problem !== undefined) return invalid(problem);
        if (typeof labels !== 'object' || labels === null)
          return invalid(`gave labels ${describeValue(labels)} for '${name}'`);
        const copy: Record<string, string | number> = {};
        for (const [label, labelValue] of Object.entries(labels)) {
          if (!definition.labels.includes(label))
            return invalid(
              `used label '${label}' on '${name}', which declares ${definition.labels.length === 0 ? 'no labels' : `only ${definition.labels.join(', ')}`}`,
            );
          if (typeof labelValue !== 'string' && typeof labelValue !== 'number')
            return invalid(`gave label '${label}' of '${name}' the value ${describeValue(labelValue)}`);
          copy[label] = labelValue;
        }
        values.push({ value: value as number, labels: copy });
      }
      result.set(name, values);
    }
  } catch (cause) {
    return invalid(`returned values that cannot be read (${describeValue(cause)})`);
  }
  return result;
}
