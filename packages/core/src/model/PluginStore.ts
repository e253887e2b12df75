import type { ServiceIdentifier } from 'inversify';
import { collectInjectedIdentifiers } from '../dependencies/collectInjectedIdentifiers.js';
import { PluginNotFoundError } from '../errors/PluginNotFoundError.js';
import { getPluginOptions } from '../plugins/getPluginOptions.js';
import type { PluginClass } from '../plugins/PluginClass.js';
import type { PluginMetadata } from '../plugins/PluginOptions.js';
import { buildDependencyGraph } from './buildDependencyGraph.js';
import type { DependencyGraph } from './DependencyGraph.js';
import { PluginRecord } from './PluginRecord.js';

/**
 * The registered plugins: their records by name (in registration order) and by class, the plugin
 * providing each token, and the dependency graph, rebuilt only when registrations change. Internal.
 */
export class PluginStore {
  readonly #records = new Map<string, PluginRecord>();
  readonly #byClass = new Map<PluginClass, PluginRecord>();
  readonly #providedBy = new Map<ServiceIdentifier, string>();
  #graph: DependencyGraph | undefined;
  #seq = 0;

  /** Records by name, in registration order. */
  get records(): ReadonlyMap<string, PluginRecord> {
    return this.#records;
  }

  /** The record of a name; throws `PluginNotFoundError` when it is not registered. */
  get(name: string): PluginRecord {
    const record = this.#records.get(name);
    if (record === undefined) throw new PluginNotFoundError(name, { registered: [...this.#records.keys()] });
    return record;
  }

  /** The record of a class (or of the name it declares); throws `PluginNotFoundError`. */
  ofClass(cls: PluginClass): PluginRecord {
    const record = this.#byClass.get(cls);
    if (record !== undefined) return record;
    const name = getPluginOptions(cls)?.name;
    const byName = name === undefined ? undefined : this.#records.get(name);
    if (byName !== undefined) return byName;
    throw new PluginNotFoundError(name ?? (typeof cls === 'function' ? cls.name : String(cls)));
  }

  /** The name of the plugin providing a token, if any. */
  providerOf(token: ServiceIdentifier): string | undefined {
    return this.#providedBy.get(token);
  }

  /** Records a class under its name, replacing another class; false when it was already there. */
  put(cls: PluginClass, meta: PluginMetadata): boolean {
    const existing = this.#records.get(meta.name);
    if (existing?.cls === cls) return false;
    const injected = collectInjectedIdentifiers(cls);
    if (existing !== undefined) {
      this.#forgetTokens(existing.meta);
      this.#byClass.delete(existing.cls);
      existing.cls = cls;
      existing.meta = meta;
      existing.injected = injected;
      this.#byClass.set(cls, existing);
    } else {
      const record = new PluginRecord({ name: meta.name, seq: this.#seq++, cls, meta, injected });
      this.#records.set(meta.name, record);
      this.#byClass.set(cls, record);
    }
    for (const provider of meta.provides) this.#providedBy.set(provider.token, meta.name);
    this.#graph = undefined;
    return true;
  }

  /** Forgets a record, its class and its tokens. */
  delete(record: PluginRecord): void {
    this.#records.delete(record.name);
    this.#byClass.delete(record.cls);
    this.#forgetTokens(record.meta);
    this.#graph = undefined;
  }

  /** The dependency graph of the current registrations. */
  graph(): DependencyGraph {
    this.#graph ??= buildDependencyGraph({
      records: this.#records,
      byClass: this.#byClass,
      providedBy: this.#providedBy,
    });
    return this.#graph;
  }

  /** The plugin and everything it needs, transitively, in load order. */
  closure(record: PluginRecord): PluginRecord[] {
    const graph = this.graph();
    const found = new Set<PluginRecord>([record]);
    const stack = [record];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      for (const edge of graph.edges.get(next.name) ?? []) {
        const dependency = edge.target;
        if (dependency === undefined || found.has(dependency)) continue;
        found.add(dependency);
        stack.push(dependency);
      }
    }
    return this.#inOrder(found, graph);
  }

  /** The plugin and everything that depends on it, transitively, in load order. */
  withDependents(record: PluginRecord): PluginRecord[] {
    const graph = this.graph();
    const found = new Set<PluginRecord>([record]);
    const stack = [record];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      for (const dependent of graph.dependents.get(next.name) ?? []) {
        if (found.has(dependent)) continue;
        found.add(dependent);
        stack.push(dependent);
      }
    }
    return this.#inOrder(found, graph);
  }

  #inOrder(records: Set<PluginRecord>, graph: DependencyGraph): PluginRecord[] {
    const position = (record: PluginRecord): number =>
      graph.position.get(record.name) ?? Number.MAX_SAFE_INTEGER;
    return [...records].sort((a, b) => position(a) - position(b));
  }

  #forgetTokens(meta: PluginMetadata): void {
    for (const provider of meta.provides) {
      if (this.#providedBy.get(provider.token) === meta.name) this.#providedBy.delete(provider.token);
    }
  }
}
