/** The outcome of {@link resolveOrder}. */
export interface ResolvedOrder {
  /** Every node not blocked by a cycle, dependencies before dependents, ties by input order. */
  readonly order: string[];
  /** Each cycle found, as a path from a node to what it depends on, back to the start: `[a, b, a]`. */
  readonly cycles: string[][];
  /** Nodes on a cycle, mapped to their cycle's path. */
  readonly cycleOf: ReadonlyMap<string, readonly string[]>;
  /** Nodes not on a cycle that depend (transitively) on one, in input order. */
  readonly blocked: string[];
}

/** A binary min-heap of node indexes. */
class IndexHeap {
  readonly #items: number[] = [];

  get size(): number {
    return this.#items.length;
  }

  push(value: number): void {
    const items = this.#items;
    let index = items.push(value) - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const above = items[parent] as number;
      if (above <= value) break;
      items[index] = above;
      index = parent;
    }
    items[index] = value;
  }

  pop(): number {
    const items = this.#items;
    const top = items[0] as number;
    const last = items.pop() as number;
    const size = items.length;
    if (size > 0) {
      let index = 0;
      for (;;) {
        let child = 2 * index + 1;
        if (child >= size) break;
        const right = child + 1;
        if (right < size && (items[right] as number) < (items[child] as number)) child = right;
        if ((items[child] as number) >= last) break;
        items[index] = items[child] as number;
        index = child;
      }
      items[index] = last;
    }
    return top;
  }
}

/** Tarjan's strongly connected components, iterative; returns the component id of each node. */
function components(count: number, edges: readonly (readonly number[])[]): Int32Array {
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const component = new Int32Array(count).fill(-1);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const frames: [number, number][] = [];
  let counter = 0;
  let ids = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    frames.push([root, 0]);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as [number, number];
      const [node, next] = frame;
      if (next === 0) {
        index[node] = low[node] = counter++;
        stack.push(node);
        onStack[node] = 1;
      }
      const targets = edges[node] ?? [];
      if (next < targets.length) {
        frame[1] = next + 1;
        const target = targets[next] as number;
        if (index[target] === -1) frames.push([target, 0]);
        else if (onStack[target] === 1) low[node] = Math.min(low[node] as number, index[target] as number);
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent !== undefined) low[parent[0]] = Math.min(low[parent[0]] as number, low[node] as number);
      if (low[node] === index[node]) {
        let member: number;
        do {
          member = stack.pop() as number;
          onStack[member] = 0;
          component[member] = ids;
        } while (member !== node);
        ids++;
      }
    }
  }
  return component;
}

/** The shortest path from `start` back to itself inside its component (breadth-first). */
function cyclePath(start: number, edges: readonly (readonly number[])[], component: Int32Array): number[] {
  const previous = new Map<number, number>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] as number;
    for (const target of edges[node] ?? []) {
      if (component[target] !== component[start]) continue;
      if (target === start) {
        const back: number[] = [];
        for (let at = node; at !== start; at = previous.get(at) as number) back.push(at);
        return [start, ...back.reverse(), start];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

/**
 * Orders nodes so that each comes after everything it depends on (Kahn's algorithm); among nodes
 * whose dependencies are all placed, the one earliest in `nodes` goes first, so the order is
 * deterministic. Edges to unknown nodes are ignored. Nodes on a cycle, and nodes depending on
 * them, are left out of `order` and reported. Runs in O((V + E) log V).
 *
 * @param nodes the node names, in registration order
 * @param dependenciesOf the names each node depends on
 */
export function resolveOrder(
  nodes: readonly string[],
  dependenciesOf: (node: string) => readonly string[],
): ResolvedOrder {
  const count = nodes.length;
  const position = new Map<string, number>();
  nodes.forEach((node, index) => position.set(node, index));
  const dependencies: number[][] = new Array<number[]>(count);
  const dependents: number[][] = Array.from({ length: count }, () => []);
  const pending = new Int32Array(count);
  for (let index = 0; index < count; index++) {
    const targets: number[] = [];
    for (const name of dependenciesOf(nodes[index] as string)) {
      const target = position.get(name);
      if (target === undefined || targets.includes(target)) continue;
      targets.push(target);
      (dependents[target] as number[]).push(index);
    }
    dependencies[index] = targets;
    pending[index] = targets.length;
  }
  const heap = new IndexHeap();
  for (let index = 0; index < count; index++) if (pending[index] === 0) heap.push(index);
  const order: string[] = [];
  const placed = new Uint8Array(count);
  while (heap.size > 0) {
    const index = heap.pop();
    placed[index] = 1;
    order.push(nodes[index] as string);
    for (const dependent of dependents[index] as number[]) {
      const left = (pending[dependent] as number) - 1;
      pending[dependent] = left;
      if (left === 0) heap.push(dependent);
    }
  }
  if (order.length === count) return { order, cycles: [], cycleOf: new Map(), blocked: [] };

  // Some nodes were never placed: find the cycles among them.
  const rest: number[] = [];
  for (let index = 0; index < count; index++) if (placed[index] === 0) rest.push(index);
  const local = new Map<number, number>();
  rest.forEach((node, index) => local.set(node, index));
  const localEdges = rest.map((node) =>
    (dependencies[node] as number[]).flatMap((target) => {
      const mapped = local.get(target);
      return mapped === undefined ? [] : [mapped];
    }),
  );
  const component = components(rest.length, localEdges);
  const sizes = new Map<number, number>();
  for (const id of component) sizes.set(id, (sizes.get(id) ?? 0) + 1);
  const cycles: string[][] = [];
  const pathOf = new Map<number, string[]>();
  const cycleOf = new Map<string, readonly string[]>();
  const blocked: string[] = [];
  rest.forEach((node, index) => {
    const name = nodes[node] as string;
    const id = component[index] as number;
    const selfLoop = (localEdges[index] as number[]).includes(index);
    if ((sizes.get(id) ?? 0) < 2 && !selfLoop) {
      blocked.push(name);
      return;
    }
    let path = pathOf.get(id);
    if (path === undefined) {
      // The component's first node in input order starts its cycle path.
      path = cyclePath(index, localEdges, component).map((at) => nodes[rest[at] as number] as string);
      pathOf.set(id, path);
      cycles.push(path);
    }
    cycleOf.set(name, path);
  });
  return { order, cycles, cycleOf, blocked };
}
