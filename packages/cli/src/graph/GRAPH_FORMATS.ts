/** Output formats of `trellis graph`. */
export const GRAPH_FORMATS = Object.freeze(['mermaid', 'dot', 'json'] as const);
