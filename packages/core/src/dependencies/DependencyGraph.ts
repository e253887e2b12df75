import type { PluginRecord } from '../model/PluginRecord.js';

/** How an edge came about. */
export type DependencyKind = 'required' | 'optional' | 'injected';

/** One edge of the dependency graph, from a plugin to what it depends on. */
export interface DependencyEdge {
  /** The plugin depended on. */
  readonly to: string;
  /** Declared in `dependencies`, in `optionalDependencies`, or inferred from an injection. */
  readonly kind: DependencyKind;
  /** The semver range required (`'*'` for any). */
  readonly range: string;
  /** For injected edges: what is injected, for messages. */
  readonly via: string | undefined;
  /** The registered plugin `to` names when the graph was built (graphs are rebuilt on every change). */
  readonly target: PluginRecord | undefined;
}

/** The dependency graph of the registered plugins, computed when registrations change. Internal. */
export interface DependencyGraph {
  /** Edges per plugin name (targets may be unregistered). */
  readonly edges: ReadonlyMap<string, readonly DependencyEdge[]>;
  /** Registered plugins that depend directly on each plugin. */
  readonly dependents: ReadonlyMap<string, readonly PluginRecord[]>;
  /** Every record: the topological order, then cycle members, then plugins blocked by cycles. */
  readonly sequence: readonly PluginRecord[];
  /** Position of each name in `sequence`. */
  readonly position: ReadonlyMap<string, number>;
  /** Cycle path of each plugin on a cycle. */
  readonly cycleOf: ReadonlyMap<string, readonly string[]>;
  /** Every cycle found. */
  readonly cycles: readonly (readonly string[])[];
}
