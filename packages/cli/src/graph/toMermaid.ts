import type { GraphDocument } from './GraphDocument.js';

/** A Mermaid flowchart of the graph: an arrow from each plugin to what it depends on. */
export function toMermaid(graph: GraphDocument): string {
  const ids = new Map(graph.nodes.map((node, index) => [node.name, `p${index}`]));
  const idOf = (name: string): string => {
    let id = ids.get(name);
    if (id === undefined) {
      id = `p${ids.size}`;
      ids.set(name, id);
    }
    return id;
  };
  const lines = ['graph TD'];
  for (const node of graph.nodes)
    lines.push(`  ${idOf(node.name)}["${label(`${node.name}@${node.version}`)}"]`);
  for (const edge of graph.edges) {
    const target = idOf(edge.to);
    if (edge.missing === true) lines.push(`  ${target}["${label(`${edge.to} (missing)`)}"]:::missing`);
    const arrow = edge.kind === 'optional' ? '-.->' : '-->';
    const text = edge.range !== undefined && edge.range !== '*' ? `|"${label(edge.range)}"|` : '';
    lines.push(`  ${idOf(edge.from)} ${arrow}${text} ${target}`);
  }
  if (graph.edges.some((edge) => edge.missing === true))
    lines.push('  classDef missing stroke:#d33,stroke-dasharray:4');
  return lines.join('\n');
}

// Mermaid labels are quoted; quotes and angle brackets become entities so no name can end the label.
function label(text: string): string {
  return text.replace(/["<>#]/g, (char) => `#${char.charCodeAt(0)};`);
}
