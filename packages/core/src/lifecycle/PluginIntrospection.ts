import { redactConfig } from '../config/redactConfig.js';
import type { ConfigSections } from '../config/ConfigSections.js';
import { validateConfig } from '../config/validateConfig.js';
import type { PluginRecord } from '../model/PluginRecord.js';
import type { PluginDescriptor, PluginGraph, PluginStatus } from './PluginStatus.js';
import type { PluginStore } from '../model/PluginStore.js';
import type { DependencyResolver } from '../dependencies/DependencyResolver.js';
import { toJsonSafe } from './toJsonSafe.js';
import { isolationInfoOf } from '../isolation/IsolationInfo.js';
import type { Permissions } from '../permissions/Permissions.js';

/** The read-only views of the registered plugins: names, descriptors, status rows, graph. Internal. */
export class PluginIntrospection {
  readonly #store: PluginStore;
  readonly #config: ConfigSections;
  readonly #dependencies: DependencyResolver;
  readonly #permissions: Permissions;

  constructor(
    store: PluginStore,
    dependencies: DependencyResolver,
    config: ConfigSections,
    permissions: Permissions,
  ) {
    this.#permissions = permissions;
    this.#store = store;
    this.#dependencies = dependencies;
    this.#config = config;
  }

  /** Every registered plugin with its state and live instance, in registration order. */
  describe(): PluginDescriptor[] {
    return [...this.#store.records.values()].map((record) => ({
      name: record.name,
      version: record.meta.version,
      description: record.meta.description,
      state: record.state,
      enabled: record.enabled,
      instance: record.live?.instance,
    }));
  }

  /** Names of the loaded plugins, in registration order. */
  loadedNames(): string[] {
    const names: string[] = [];
    for (const record of this.#store.records.values())
      if (record.live?.instance !== undefined) names.push(record.name);
    return names;
  }

  /** One JSON-safe row per plugin: state, dependencies, redacted config, last error, timings. */
  status(): PluginStatus[] {
    const graph = this.#dependencies.graph();
    return [...this.#store.records.values()].map((record) => this.#row(record, graph));
  }

  #row(record: PluginRecord, graph: ReturnType<DependencyResolver['graph']>): PluginStatus {
    const isolation = isolationInfoOf(record.cls);
    const reason = (record.lastError as { reason?: unknown } | undefined)?.reason;
    return {
      name: record.name,
      version: record.meta.version,
      description: record.meta.description ?? null,
      state: record.state,
      enabled: record.enabled,
      dependencies: (graph.edges.get(record.name) ?? []).map((edge) => edge.to),
      config: toJsonSafe(
        redactConfig(record.meta.config, record.effectiveConfig ?? this.#previewConfig(record)),
      ) as Record<string, unknown>,
      lastError:
        record.lastError === undefined
          ? null
          : {
              code: record.lastError.code,
              message: record.lastError.message,
              ...(typeof reason === 'string' ? { reason } : {}),
            },
      timings: { ...record.timings },
      isolation: isolation?.mode ?? 'none',
      restarts: isolation?.restarts ?? 0,
      permissions: {
        declared: [...record.meta.permissions],
        granted: [...this.#permissions.granted(record.name, record.meta.permissions)],
      },
    };
  }

  /** The dependency graph as JSON-safe data: nodes, edges (from dependent to dependency), order, cycles. */
  graph(): PluginGraph {
    const graph = this.#dependencies.graph();
    const records = this.#store.records;
    const nodes = [...records.values()].map((record) => ({
      name: record.name,
      version: record.meta.version,
      state: record.state,
    }));
    const edges = [...graph.edges].flatMap(([from, list]) =>
      list.map((edge) => ({
        from,
        to: edge.to,
        kind: edge.kind,
        range: edge.range,
        missing: !records.has(edge.to),
      })),
    );
    return {
      nodes,
      edges,
      order: graph.sequence.map((record) => record.name),
      cycles: graph.cycles.map((cycle) => [...cycle]),
    };
  }

  #previewConfig(record: PluginRecord): Readonly<Record<string, unknown>> {
    return validateConfig(record.meta.config, this.#config.section(record.name)).value;
  }
}
