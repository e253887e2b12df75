import type { PluginRecord } from '../model/PluginRecord.js';
import type { PluginStore } from '../model/PluginStore.js';
import { buildDependencyGraph } from './buildDependencyGraph.js';
import type { DependencyGraph } from './DependencyGraph.js';

/**
 * The dependency graph of a store's registrations, rebuilt only when they change, and the closures
 * the lifecycle walks (what a plugin needs, what needs it). Internal.
 */
export class DependencyResolver {
  readonly #store: PluginStore;
  #graph: DependencyGraph | undefined;
  #revision = -1;

  constructor(store: PluginStore) {
    this.#store = store;
  }

  /** The dependency graph of the current registrations. */
  graph(): DependencyGraph {
    const store = this.#store;
    if (this.#graph === undefined || this.#revision !== store.revision) {
      this.#graph = buildDependencyGraph({
        records: store.records,
        byClass: store.byClass,
        providedBy: store.providedBy,
      });
      this.#revision = store.revision;
    }
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
    return inOrder(found, graph);
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
    return inOrder(found, graph);
  }
}

function inOrder(records: Set<PluginRecord>, graph: DependencyGraph): PluginRecord[] {
  const position = (record: PluginRecord): number =>
    graph.position.get(record.name) ?? Number.MAX_SAFE_INTEGER;
  return [...records].sort((a, b) => position(a) - position(b));
}
