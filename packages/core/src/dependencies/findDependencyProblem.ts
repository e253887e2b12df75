import semver from 'semver';
import { TrellisError } from '@trellis/extensions';
import { DependencyError } from '../errors/DependencyError.js';
import type { DependencyEdge, DependencyGraph } from './DependencyGraph.js';
import type { PluginRecord } from '../model/PluginRecord.js';

/** How a dependency stands, from the point of view of the plugin about to load or start. */
export type DependencyStanding = 'ready' | 'disabled' | TrellisError;

/** What {@link findDependencyProblem} needs besides the plugin and the graph; made once per caller. Internal. */
export interface DependencyCheck {
  /** The host's Trellis version. */
  readonly hostVersion: string;
  /** Whether a registered dependency can be used (loaded, or started, as the phase requires). */
  readonly standing: (dependency: PluginRecord) => DependencyStanding;
}

const satisfies = (version: string, range: string): boolean =>
  range === '*' || semver.satisfies(version, range, { includePrerelease: true });

/** A dependency's failure caused by its own dependency's failure (the link of a chain). */
const isChainLink = (error: unknown): error is DependencyError =>
  error instanceof DependencyError && TrellisError.is(error, 'TRELLIS_DEPENDENCY_FAILED');

/**
 * How a failed dependency is described in its dependent's message: its own failure (code and
 * message) when it failed itself, or only the root failure's plugin and code when it failed because
 * of its own dependencies, so that messages stay short however long the chain (the whole chain is
 * reachable through `cause`).
 */
function describeFailure(error: TrellisError): string {
  let root: TrellisError = error;
  let rootPlugin: string | undefined;
  while (isChainLink(root) && TrellisError.is(root.cause)) {
    rootPlugin = root.dependency;
    root = root.cause;
  }
  if (rootPlugin === undefined) return `${error.code}: ${error.message}`;
  return `because '${rootPlugin}' failed: ${root.code}`;
}

/** The plugin to fix first: the root of a chain of dependency failures, or the dependency itself. */
function rootOf(dependency: string, error: TrellisError): string {
  let root = dependency;
  let current: unknown = error;
  while (isChainLink(current)) {
    root = current.dependency ?? root;
    current = current.cause;
  }
  return root;
}

/** How messages name a dependency. */
const describeEdge = (edge: DependencyEdge): string =>
  edge.via === undefined ? `'${edge.to}'` : `'${edge.to}' (it injects ${edge.via})`;

/**
 * The first reason the plugin cannot go ahead because of its dependencies: a cycle, an unsupported
 * host version, a missing, mismatched, disabled or failed dependency. `undefined` when none.
 * Optional dependencies only count when registered, and only their version is checked.
 * O(dependencies), and allocates nothing unless there is a problem.
 */
export function findDependencyProblem(
  record: PluginRecord,
  graph: DependencyGraph,
  check: DependencyCheck,
): DependencyError | undefined {
  const name = record.name;
  const cycle = graph.cycleOf.get(name);
  if (cycle !== undefined) {
    return new DependencyError(
      `Plugin '${name}' is part of a dependency cycle: cycle: ${cycle.join(' -> ')}. ` +
        `Break the cycle: remove one of these dependencies or move the shared part into its own plugin.`,
      { code: 'TRELLIS_DEPENDENCY_CYCLE', plugin: name, cycle },
    );
  }
  const engine = record.meta.engines.trellis;
  if (engine !== undefined && !satisfies(check.hostVersion, engine)) {
    return new DependencyError(
      `Plugin '${name}' requires trellis ${engine} but the host runs trellis ${check.hostVersion}. ` +
        `Use a version of '${name}' built for this host, or upgrade the host.`,
      { code: 'TRELLIS_DEPENDENCY_ENGINE', plugin: name },
    );
  }
  const edges = graph.edges.get(name);
  if (edges === undefined) return undefined;
  for (let index = 0; index < edges.length; index++) {
    const edge = edges[index] as DependencyEdge;
    const dependency = edge.target;
    if (dependency === undefined) {
      return new DependencyError(
        `Plugin '${name}' depends on ${describeEdge(edge)}${edge.range === '*' ? '' : ` ${edge.range}`}, which is not ` +
          `registered. Register '${edge.to}' or remove the dependency.`,
        { code: 'TRELLIS_DEPENDENCY_MISSING', plugin: name, dependency: edge.to },
      );
    }
    if (!satisfies(dependency.meta.version, edge.range)) {
      return new DependencyError(
        `Plugin '${name}' cannot load: ${edge.to}@${dependency.meta.version} does not satisfy ${edge.range} ` +
          `required by ${name}. Install a matching version of '${edge.to}' or change the range.`,
        { code: 'TRELLIS_DEPENDENCY_VERSION', plugin: name, dependency: edge.to },
      );
    }
    if (edge.kind === 'optional') continue;
    const standing = check.standing(dependency);
    if (standing === 'ready') continue;
    if (standing === 'disabled') {
      return new DependencyError(
        `Plugin '${name}' depends on ${describeEdge(edge)}, which is disabled. Enable '${edge.to}' or disable '${name}' too.`,
        { code: 'TRELLIS_DEPENDENCY_DISABLED', plugin: name, dependency: edge.to },
      );
    }
    return new DependencyError(
      `Plugin '${name}' depends on ${describeEdge(edge)}, which failed (${describeFailure(standing)}). Fix '${rootOf(edge.to, standing)}' first.`,
      { code: 'TRELLIS_DEPENDENCY_FAILED', plugin: name, dependency: edge.to, cause: standing },
    );
  }
  return undefined;
}
