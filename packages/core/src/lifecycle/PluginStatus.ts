import type { LifecyclePhase } from '../errors/LifecyclePhase.js';
import type { PluginState } from '../model/PluginState.js';

/** One row of `manager.status()`: plain JSON-safe data. */
export interface PluginStatus {
  readonly name: string;
  readonly version: string;
  readonly description: string | null;
  readonly state: PluginState;
  readonly enabled: boolean;
  /** Names of the plugins it depends on (declared, registered optional, and inferred). */
  readonly dependencies: string[];
  /** The effective config (defaults applied), secrets replaced by `'[secret]'`. */
  readonly config: Record<string, unknown>;
  /** The last failure, or `null`; `reason` for an isolation failure (`'crash'`, `'timeout'`…). */
  readonly lastError: { readonly code: string; readonly message: string; readonly reason?: string } | null;
  /** Where it runs: in the host, a worker thread or a child process. */
  readonly isolation: 'none' | 'worker' | 'process';
  /** How many times its worker or process was restarted after a fault. */
  readonly restarts: number;
  /** What it declares and what the host grants of it. */
  readonly permissions: { readonly declared: string[]; readonly granted: string[] };
  /** Milliseconds spent in each phase, the last time it ran. */
  readonly timings: Partial<Record<LifecyclePhase, number>>;
}

/** `manager.graph()`: the dependency graph as plain JSON-safe data. */
export interface PluginGraph {
  readonly nodes: { readonly name: string; readonly version: string; readonly state: PluginState }[];
  /** From a plugin to what it depends on. */
  readonly edges: {
    readonly from: string;
    readonly to: string;
    readonly kind: 'required' | 'optional' | 'injected';
    readonly range: string;
    /** The dependency is not registered. */
    readonly missing: boolean;
  }[];
  /** The order plugins load and start in (plugins on or behind a cycle last). */
  readonly order: string[];
  /** Every dependency cycle, as `[a, b, a]` (a depends on b). */
  readonly cycles: string[][];
}

/** `manager.getAllPlugins()`: one entry per registered plugin. */
export interface PluginDescriptor {
  readonly name: string;
  readonly version: string;
  readonly description: string | undefined;
  readonly state: PluginState;
  readonly enabled: boolean;
  /** The live instance, when loaded. */
  readonly instance: object | undefined;
}
