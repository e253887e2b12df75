import { byDispatchOrder } from './byDispatchOrder.js';
import type { HandlerStore } from './HandlerStore.js';
import type { Owners } from './Owners.js';
import type { PointKinds } from './PointKinds.js';
import type { HandlerDescription, PointDescription } from './PointDescription.js';
import type { Registration } from './Registration.js';

/**
 * Every known point (names with handlers and typed points seen by the registry) with the handlers
 * a dispatch would consider, in order, then one entry per wildcard pattern.
 */
export function describePoints(store: HandlerStore, kinds: PointKinds, owners: Owners): PointDescription[] {
  const names = new Set([...kinds.names(), ...store.exactNames()]);
  const describeHandler = (reg: Registration): HandlerDescription => ({
    plugin: reg.plugin,
    priority: reg.priority,
    name: reg.name,
    pattern: reg.pattern,
    enabled: owners.runs(reg),
  });
  const points = [...names].sort().map((name): PointDescription => {
    const point = kinds.get(name);
    return {
      name,
      kind: point?.kind,
      description: point?.description,
      wildcard: false,
      // A typed point's dispatch considers only the handlers that join its kind.
      handlers: store
        .matching(name)
        .filter((reg) => point === undefined || reg.joins(point.kind))
        .map(describeHandler),
    };
  });
  const wildcards = store.wildcards();
  const patterns = [...new Set(wildcards.map((reg) => reg.pattern))].map((pattern): PointDescription => ({
    name: pattern,
    kind: undefined,
    description: undefined,
    wildcard: true,
    handlers: wildcards
      .filter((reg) => reg.pattern === pattern)
      .sort(byDispatchOrder)
      .map(describeHandler),
  }));
  return [...points, ...patterns];
}
