import type { GraphDocument } from './GraphDocument.js';

/** A Graphviz digraph of the graph: an edge from each plugin to what it depends on. */
export function toDot(graph: GraphDocument): string {
  const lines = ['digraph trellis {', '  rankdir=LR;', '  node [shape=box];'];
  for (const node of graph.nodes)
    lines.push(`  ${quote(node.name)} [label=${quote(`${node.name}@${node.version}`)}];`);
  for (const edge of graph.edges) {
    const attributes: string[] = [];
    if (edge.range !== undefined && edge.range !== '*') attributes.push(`label=${quote(edge.range)}`);
    if (edge.kind === 'optional') attributes.push('style=dashed');
    if (edge.missing === true) attributes.push('color=red');
    const suffix = attributes.length > 0 ? ` [${attributes.join(', ')}]` : '';
    lines.push(`  ${quote(edge.from)} -> ${quote(edge.to)}${suffix};`);
  }
  lines.push('}');
  return lines.join('\n');
}

function quote(text: string): string {
  return `"${text.replace(/["\\]/g, (char) => `\\${char}`)}"`;
}
