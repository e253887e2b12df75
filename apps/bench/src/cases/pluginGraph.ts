import { createPrng } from '../harness/prng.js';

/** A random acyclic plugin graph: plugin i depends on up to 6 earlier plugins (3 on average). */
export interface PluginGraph {
  readonly size: number;
  /** `dependencies[i]`: the plugins i depends on (indices). */
  readonly dependencies: readonly (readonly number[])[];
  /** The order plugins are registered in (a shuffle, so the sort has work to do). */
  readonly registrationOrder: readonly number[];
  /** A valid start order (dependencies first). */
  readonly startOrder: readonly number[];
}

export const GRAPH_SEED = 20_240_611;

export function pluginName(index: number): string {
  return `p${index}`;
}

export function randomPluginGraph(size: number, seed = GRAPH_SEED): PluginGraph {
  const random = createPrng(seed + size);
  const dependencies = Array.from({ length: size }, (_, index) => {
    const wanted = Math.min(index, Math.floor(random() * 7));
    const chosen = new Set<number>();
    while (chosen.size < wanted) chosen.add(Math.floor(random() * index));
    return [...chosen].sort((a, b) => a - b);
  });
  const registrationOrder = Array.from({ length: size }, (_, index) => index);
  for (let i = size - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [registrationOrder[i], registrationOrder[j]] = [
      registrationOrder[j] as number,
      registrationOrder[i] as number,
    ];
  }
  // Indices only depend on smaller indices, so ascending order is a valid start order.
  const startOrder = Array.from({ length: size }, (_, index) => index);
  return { size, dependencies, registrationOrder, startOrder };
}

/**
 * Records start and stop sequence numbers per plugin; `summary()` says whether every plugin started
 * after its dependencies and stopped before them.
 */
export class LifecycleTrace {
  readonly #started: Int32Array;
  readonly #stopped: Int32Array;
  #starts = 0;
  #stops = 0;

  constructor(size: number) {
    this.#started = new Int32Array(size);
    this.#stopped = new Int32Array(size);
  }

  reset(): void {
    this.#started.fill(0);
    this.#stopped.fill(0);
    this.#starts = 0;
    this.#stops = 0;
  }

  start(index: number): void {
    this.#started[index] = ++this.#starts;
  }

  stop(index: number): void {
    this.#stopped[index] = ++this.#stops;
  }

  get events(): number {
    return this.#starts + this.#stops;
  }

  summary(graph: PluginGraph): { started: number; stopped: number; dependenciesFirst: boolean } {
    let dependenciesFirst = true;
    graph.dependencies.forEach((deps, index) => {
      for (const dep of deps) {
        const started = (this.#started[dep] ?? 0) < (this.#started[index] ?? 0);
        const stopped = (this.#stopped[dep] ?? 0) > (this.#stopped[index] ?? 0);
        if (!started || !stopped) dependenciesFirst = false;
      }
    });
    return { started: this.#starts, stopped: this.#stops, dependenciesFirst };
  }
}
