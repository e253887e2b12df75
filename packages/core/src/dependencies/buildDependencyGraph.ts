import type { ServiceIdentifier } from 'inversify';
import { resolveOrder } from './resolveOrder.js';
import { getPluginOptions } from '../plugins/getPluginOptions.js';
import type { PluginClass } from '../plugins/PluginClass.js';
import type { DependencyEdge, DependencyGraph } from './DependencyGraph.js';
import type { PluginRecord } from '../model/PluginRecord.js';

/** What {@link buildDependencyGraph} needs to know about the registrations. Internal. */
export interface GraphInput {
  /** Records in registration order. */
  readonly records: ReadonlyMap<string, PluginRecord>;
  /** The record of each registered plugin class. */
  readonly byClass: ReadonlyMap<PluginClass, PluginRecord>;
  /** The plugin providing each token. */
  readonly providedBy: ReadonlyMap<ServiceIdentifier, string>;
}

const describeIdentifier = (identifier: ServiceIdentifier): string =>
  typeof identifier === 'function' ? identifier.name : String(identifier);

function edgesOf(record: PluginRecord, input: GraphInput): DependencyEdge[] {
  const edges: DependencyEdge[] = [];
  const seen = new Set<string>([record.name]);
  const add = (edge: DependencyEdge): void => {
    if (seen.has(edge.to)) return;
    seen.add(edge.to);
    edges.push(edge);
  };
  for (const [to, range] of Object.entries(record.meta.dependencies)) {
    add({ to, kind: 'required', range, via: undefined, target: input.records.get(to) });
  }
  for (const [to, range] of Object.entries(record.meta.optionalDependencies)) {
    const target = input.records.get(to);
    if (target !== undefined) add({ to, kind: 'optional', range, via: undefined, target });
  }
  for (const identifier of record.injected) {
    let to: string | undefined;
    if (typeof identifier === 'function') {
      to = input.byClass.get(identifier as PluginClass)?.name ?? getPluginOptions(identifier)?.name;
    }
    to ??= input.providedBy.get(identifier);
    if (to !== undefined) {
      const via = describeIdentifier(identifier);
      add({ to, kind: 'injected', range: '*', via, target: input.records.get(to) });
    }
  }
  return edges;
}

/**
 * Computes the edges (declared, registered optional, and inferred from injected plugin classes and
 * provided tokens), the reverse index, the deterministic order and the cycles. O((V + E) log V).
 */
export function buildDependencyGraph(input: GraphInput): DependencyGraph {
  const edges = new Map<string, readonly DependencyEdge[]>();
  const dependents = new Map<string, PluginRecord[]>();
  for (const record of input.records.values()) {
    const list = edgesOf(record, input);
    edges.set(record.name, list);
    for (const edge of list) {
      if (edge.target === undefined) continue;
      const users = dependents.get(edge.to);
      if (users === undefined) dependents.set(edge.to, [record]);
      else users.push(record);
    }
  }
  const targets = (name: string): string[] => (edges.get(name) ?? []).map((edge) => edge.to);
  const resolved = resolveOrder([...input.records.keys()], targets);
  // Plugins blocked by a cycle form a DAG among themselves: order them too, dependencies first.
  const blocked = resolveOrder(resolved.blocked, targets).order;
  const onCycle = [...input.records.keys()].filter((name) => resolved.cycleOf.has(name));
  const names = [...resolved.order, ...onCycle, ...blocked];
  const sequence = names.map((name) => input.records.get(name) as PluginRecord);
  const position = new Map<string, number>();
  names.forEach((name, index) => position.set(name, index));
  return { edges, dependents, sequence, position, cycleOf: resolved.cycleOf, cycles: resolved.cycles };
}
