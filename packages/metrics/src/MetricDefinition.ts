/** The metric kinds a plugin may declare: values are read at scrape time (see `collectMetrics`). */
export type MetricType = 'counter' | 'gauge';

/**
 * One metric a plugin contributes, declared by its `metricDefinitions()`.
 *
 * @example
 * ```ts
 * { name: 'demo_logins_total', help: 'Logins since start', type: 'counter', labels: ['method'] }
 * ```
 */
export interface MetricDefinition {
  /** Prometheus name: `/^[a-zA-Z_:][a-zA-Z0-9_:]*$/`, not starting with `__` or `trellis_`. */
  readonly name: string;
  /** One line shown as `# HELP`. */
  readonly help: string;
  /** `counter` (a total that only grows) or `gauge` (a value that goes up and down). */
  readonly type: MetricType;
  /** Label names: `/^[a-zA-Z_][a-zA-Z0-9_]*$/`, not starting with `__`. */
  readonly labels?: readonly string[] | undefined;
}

/** One labelled value of a metric, in {@link MetricValues}. */
export interface MetricSample {
  /** Label name → value; only declared label names. */
  readonly labels: Readonly<Record<string, string | number>>;
  readonly value: number;
}

/**
 * What `collectMetrics()` returns: for each declared metric, its value now, or one value per label
 * set. Metrics left out have no sample in this scrape.
 *
 * @example
 * ```ts
 * { demo_logins_total: 42, demo_queue_depth: [{ labels: { queue: 'mail' }, value: 3 }] }
 * ```
 */
export type MetricValues = Readonly<Record<string, number | readonly MetricSample[]>>;
