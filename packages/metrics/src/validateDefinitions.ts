import { describeValue } from './describeValue.js';
import { MetricsError } from './MetricsError.js';

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES: ReadonlySet<unknown> = new Set(['counter', 'gauge']);

/** A validated definition: a plain copy, labels always present. */
export interface CheckedDefinition {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'gauge';
  readonly labels: readonly string[];
}

/**
 * Reads and checks what a plugin's `metricDefinitions()` returned. `owners` maps every metric name
 * already taken to its owner (a plugin, or `trellis.metrics` for the built-ins and `the host` for
 * metrics registered directly). Returns the copies, or the first problem as a `MetricsError` that
 * names the plugin (and the other owner of a duplicate). Never throws.
 */
export function validateDefinitions(
  plugin: string,
  read: () => unknown,
  ownerOf: (name: string) => string | undefined,
): CheckedDefinition[] | MetricsError {
  const invalid = (problem: string, cause?: unknown): MetricsError =>
    new MetricsError(
      `Plugin '${plugin}' declares invalid metrics: ${problem}. Its metrics are skipped; fix its metricDefinitions().`,
      { code: 'TRELLIS_METRICS_DEFINITION', plugin, cause },
    );
  let raw: unknown;
  try {
    raw = read();
  } catch (cause) {
    return invalid(`metricDefinitions() threw ${describeValue(cause)}`, cause);
  }
  if (!Array.isArray(raw)) return invalid(`metricDefinitions() returned ${describeValue(raw)}, not an array`);
  const checked: CheckedDefinition[] = [];
  const seen = new Set<string>();
  try {
    for (const [index, entry] of (raw as readonly unknown[]).entries()) {
      if (typeof entry !== 'object' || entry === null)
        return invalid(`entry ${index} is ${describeValue(entry)}`);
      const { name, help, type, labels } = entry as Record<string, unknown>;
      if (typeof name !== 'string' || !METRIC_NAME.test(name) || name.startsWith('__')) {
        return invalid(
          `name ${describeValue(name)} of entry ${index} is not a valid Prometheus metric name (letters, digits, '_' and ':', not starting with a digit or '__')`,
        );
      }
      if (name.startsWith('trellis_'))
        return invalid(`'${name}': the prefix 'trellis_' is reserved for built-in metrics`);
      if (typeof help !== 'string' || help.trim() === '') return invalid(`'${name}' needs a help text`);
      if (!TYPES.has(type))
        return invalid(`'${name}' has type ${describeValue(type)}; use 'counter' or 'gauge'`);
      const labelNames = labels ?? [];
      if (!Array.isArray(labelNames)) return invalid(`labels of '${name}' must be an array of names`);
      const labelSet = new Set<string>();
      for (const label of labelNames as readonly unknown[]) {
        if (typeof label !== 'string' || !LABEL_NAME.test(label) || label.startsWith('__')) {
          return invalid(`label ${describeValue(label)} of '${name}' is not a valid label name`);
        }
        if (labelSet.has(label)) return invalid(`label '${label}' of '${name}' is listed twice`);
        labelSet.add(label);
      }
      if (seen.has(name)) {
        return new MetricsError(
          `Plugin '${plugin}' declares metric '${name}' twice. Its metrics are skipped; declare each name once.`,
          { code: 'TRELLIS_METRICS_DUPLICATE', plugin },
        );
      }
      const owner = ownerOf(name);
      if (owner !== undefined) {
        return new MetricsError(
          `Metric '${name}' of plugin '${plugin}' is already defined by ${owner}. The metrics of '${plugin}' are skipped; rename one of them (prefix names with the plugin's name).`,
          { code: 'TRELLIS_METRICS_DUPLICATE', plugin },
        );
      }
      seen.add(name);
      checked.push({ name, help, type: type as 'counter' | 'gauge', labels: [...labelSet] });
    }
  } catch (cause) {
    return invalid(`its definitions cannot be read (${describeValue(cause)})`, cause);
  }
  return checked;
}
