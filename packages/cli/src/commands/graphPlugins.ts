import { toDot } from '../graph/toDot.js';
import { toMermaid } from '../graph/toMermaid.js';
import { openHost } from '../host/openHost.js';
import type { CommandContext } from '../program/CommandContext.js';

/** `trellis graph`: the dependency graph, an edge from each plugin to what it depends on. */
export async function graphPlugins(ctx: CommandContext, format: string): Promise<number> {
  const { manager } = await openHost(ctx.cwd);
  try {
    const graph = manager.graph();
    if (ctx.out.json || format === 'json') {
      ctx.out.document(graph);
      return 0;
    }
    ctx.out.line(format === 'dot' ? toDot(graph) : toMermaid(graph));
    return 0;
  } finally {
    await manager.close();
  }
}
