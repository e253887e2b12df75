import semver from 'semver';
import type { PluginGraph } from '@trellis/core';
import type { Problem } from './Problem.js';
import { fixFor } from './fixFor.js';

/** Missing dependencies, versions outside their range, and cycles, read from `manager.graph()`. */
export function dependencyProblems(graph: PluginGraph): Problem[] {
  const versions = new Map(graph.nodes.map((node) => [node.name, node.version]));
  const problems: Problem[] = [];
  for (const edge of graph.edges) {
    if (edge.missing) {
      if (edge.kind === 'optional') continue;
      problems.push({
        code: 'TRELLIS_DEPENDENCY_MISSING',
        plugin: edge.from,
        message: `depends on '${edge.to}'${edge.range !== '*' ? ` (${edge.range})` : ''}, which no source registers`,
        fix: fixFor('TRELLIS_DEPENDENCY_MISSING'),
        severity: 'error',
      });
      continue;
    }
    const version = versions.get(edge.to);
    if (version === undefined || edge.range === '*' || edge.range === '') continue;
    if (
      semver.validRange(edge.range) !== null &&
      !semver.satisfies(version, edge.range, { includePrerelease: true })
    ) {
      problems.push({
        code: 'TRELLIS_DEPENDENCY_VERSION',
        plugin: edge.from,
        message: `${edge.to}@${version} does not satisfy ${edge.range} required by ${edge.from}`,
        fix: fixFor('TRELLIS_DEPENDENCY_VERSION'),
        severity: 'error',
      });
    }
  }
  for (const cycle of graph.cycles) {
    const first = cycle[0];
    if (first === undefined) continue;
    problems.push({
      code: 'TRELLIS_DEPENDENCY_CYCLE',
      plugin: first,
      message: `cycle: ${[...cycle, first].join(' -> ')}`,
      fix: fixFor('TRELLIS_DEPENDENCY_CYCLE'),
      severity: 'error',
    });
  }
  return problems;
}
