import type { Metric, Registry } from 'prom-client';

/** One exposition line of a {@link SnapshotMetric}: optional suffixed name, labels, value. */
export interface SnapshotValue {
  readonly value: number;
  readonly labels: Readonly<Record<string, string | number>>;
  /** For summaries: `<name>_sum` / `<name>_count`. */
  readonly metricName?: string;
}

/** What a {@link SnapshotMetric} is made of. */
export interface SnapshotMetricInit {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'gauge' | 'summary';
  /** Reads the values at scrape time; without it, the values last given to `set()`. */
  readonly read?: (() => readonly SnapshotValue[]) | undefined;
}

/**
 * A metric whose values are a snapshot taken at scrape time rather than accumulated by prom-client:
 * the figures already exist elsewhere (registry statistics, plugin states, a plugin's
 * `collectMetrics()`), so nothing is recorded per event. Registered in a prom-client `Registry`,
 * which calls `get()` while formatting.
 */
export class SnapshotMetric {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'gauge' | 'summary';
  readonly aggregator = 'sum';
  readonly #read: (() => readonly SnapshotValue[]) | undefined;
  #values: readonly SnapshotValue[] = [];

  constructor(init: SnapshotMetricInit) {
    this.name = init.name;
    this.help = init.help;
    this.type = init.type;
    this.#read = init.read;
  }

  /** Replaces the values shown by the next scrapes. */
  set(values: readonly SnapshotValue[]): void {
    this.#values = values;
  }

  /** Drops the values (`registry.resetMetrics()`). */
  reset(): void {
    this.#values = [];
  }

  /** What prom-client formats. */
  get(): Promise<{
    name: string;
    help: string;
    type: string;
    aggregator: string;
    values: SnapshotValue[];
  }> {
    const values = this.#read === undefined ? this.#values : this.#read();
    return Promise.resolve({
      name: this.name,
      help: this.help,
      type: this.type,
      aggregator: this.aggregator,
      values: [...values],
    });
  }

  /** Adds this metric to `registry` (prom-client accepts any object with a `get()` of this shape). */
  registerIn(registry: Registry): void {
    registry.registerMetric(this as unknown as Metric);
  }
}
