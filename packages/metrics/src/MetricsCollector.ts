import type { ExtensionRegistry, Logger, PluginManager, PluginState } from '@trellis/core';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { builtinMetrics } from './builtinMetrics.js';
import { metricMethodsOf } from './isMetricsSource.js';
import { MetricsError } from './MetricsError.js';
import type { MetricsService } from './MetricsService.js';
import { runCollect } from './runCollect.js';
import { SnapshotMetric } from './SnapshotMetric.js';
import { toSnapshotValues } from './toSnapshotValues.js';
import { validateDefinitions, type CheckedDefinition } from './validateDefinitions.js';

/** What a {@link MetricsCollector} works with. */
export interface MetricsCollectorOptions {
  readonly manager: Pick<PluginManager, 'getAllPlugins' | 'status' | 'permissions'>;
  readonly extensions: Pick<ExtensionRegistry, 'stats'>;
  readonly logger: Logger;
  /** Time limit (ms) of `collectMetrics()` for plugins that set no `metricsCollectTimeout`. */
  readonly collectTimeout: number;
  /** Add prom-client's process and Node.js metrics. */
  readonly processMetrics: boolean;
}

/** One plugin instance's contribution: its metrics, or why it has none. */
interface Contribution {
  readonly instance: object;
  readonly definitions: ReadonlyMap<string, CheckedDefinition>;
  readonly metrics: ReadonlyMap<string, SnapshotMetric>;
  readonly collect: (() => unknown) | undefined;
  readonly timeoutMs: number;
}

const ACTIVE: ReadonlySet<PluginState> = new Set(['loaded', 'starting', 'started']);

/**
 * The metrics service behind `METRICS`: one prom-client `Registry` per manager with the built-in
 * metrics and the metrics of every loaded, enabled plugin that declares some. Definitions are read
 * once per plugin instance; values are collected at each scrape.
 */
export class MetricsCollector implements MetricsService {
  readonly registry = new Registry();
  readonly #options: MetricsCollectorOptions;
  /** Plugin name → what it contributes (replaced when its instance changes). */
  readonly #contributions = new Map<string, Contribution>();
  /** Plugin instances whose definitions were rejected (not retried until a new instance). */
  readonly #rejected = new WeakSet<object>();
  readonly #collectErrors = new Map<string, number>();
  readonly #builtinNames: ReadonlySet<string>;
  #scrape: Promise<string> | undefined;

  constructor(options: MetricsCollectorOptions) {
    this.#options = options;
    const builtins = builtinMetrics({
      manager: options.manager,
      registry: options.extensions,
      collectErrors: this.#collectErrors,
    });
    for (const metric of builtins) metric.registerIn(this.registry);
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
    this.#builtinNames = new Set(this.registry.getMetricsAsArray().map((metric) => metric.name));
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  metrics(): Promise<string> {
    this.#scrape ??= this.#run().finally(() => {
      this.#scrape = undefined;
    });
    return this.#scrape;
  }

  /** Reads the definitions of plugins that appeared, drops those of plugins that went away. */
  sync(): void {
    const current = new Set<string>();
    for (const { name, instance, enabled, state } of this.#options.manager.getAllPlugins()) {
      if (instance === undefined || !enabled || !ACTIVE.has(state)) continue;
      const known = this.#contributions.get(name);
      if (known?.instance === instance) {
        current.add(name);
        continue;
      }
      if (known !== undefined) this.#drop(name);
      if (this.#rejected.has(instance)) continue;
      const { definitions, collect } = metricMethodsOf(instance);
      if (definitions === undefined) continue;
      if (this.#add(name, instance, definitions, collect)) current.add(name);
    }
    for (const name of [...this.#contributions.keys()]) if (!current.has(name)) this.#drop(name);
  }

  /** Forgets every plugin's metrics (the plugin is unloading). */
  close(): void {
    for (const name of [...this.#contributions.keys()]) this.#drop(name);
    this.registry.clear();
  }

  async #run(): Promise<string> {
    this.sync();
    await Promise.all(
      [...this.#contributions].map(([name, contribution]) => this.#collect(name, contribution)),
    );
    return this.registry.metrics();
  }

  async #collect(plugin: string, contribution: Contribution): Promise<void> {
    if (contribution.collect === undefined) return;
    const outcome = await runCollect(plugin, contribution.collect, contribution.timeoutMs);
    const values =
      outcome instanceof MetricsError
        ? outcome
        : toSnapshotValues(plugin, contribution.definitions, outcome.value);
    if (values instanceof MetricsError) {
      for (const metric of contribution.metrics.values()) metric.reset();
      this.#collectErrors.set(plugin, (this.#collectErrors.get(plugin) ?? 0) + 1);
      this.#options.logger.warn({ plugin, err: values, code: values.code }, values.message);
      return;
    }
    for (const [name, metric] of contribution.metrics) metric.set(values.get(name) ?? []);
  }

  #add(name: string, instance: object, read: () => unknown, collect: (() => unknown) | undefined): boolean {
    const checked = validateDefinitions(name, read, (metric) => this.#ownerOf(metric));
    if (checked instanceof MetricsError) {
      this.#rejected.add(instance);
      this.#options.logger.error({ plugin: name, err: checked, code: checked.code }, checked.message);
      return false;
    }
    const definitions = new Map(checked.map((definition) => [definition.name, definition]));
    const metrics = new Map<string, SnapshotMetric>();
    for (const definition of checked) {
      const metric = new SnapshotMetric({
        name: definition.name,
        help: definition.help,
        type: definition.type,
      });
      metric.registerIn(this.registry);
      metrics.set(definition.name, metric);
    }
    this.#contributions.set(name, {
      instance,
      definitions,
      metrics,
      collect,
      timeoutMs: this.#timeoutOf(instance),
    });
    return true;
  }

  #drop(name: string): void {
    const contribution = this.#contributions.get(name);
    if (contribution === undefined) return;
    for (const metric of contribution.metrics.keys()) this.registry.removeSingleMetric(metric);
    this.#contributions.delete(name);
  }

  #ownerOf(metric: string): string | undefined {
    if (this.#builtinNames.has(metric)) return `the built-in metrics of trellis.metrics`;
    for (const [plugin, contribution] of this.#contributions) {
      if (contribution.metrics.has(metric)) return `plugin '${plugin}'`;
    }
    return this.registry.getSingleMetric(metric) === undefined
      ? undefined
      : 'a metric registered on METRICS.registry';
  }

  #timeoutOf(instance: object): number {
    try {
      const value = (instance as { metricsCollectTimeout?: unknown }).metricsCollectTimeout;
      if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
    } catch {
      // A hostile getter: the default applies.
    }
    return this.#options.collectTimeout;
  }
}
