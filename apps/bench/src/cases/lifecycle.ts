import type { BenchCase, LatencyBench } from '../harness/types.js';
import { NO_LIFECYCLE } from './common.js';
import { LifecycleTrace, pluginName, randomPluginGraph, type PluginGraph } from './pluginGraph.js';

/** Loaded lazily so a child process pays for (and profiles) only what its case uses. */
export async function loadCore(): Promise<typeof import('@trellis/core')> {
  return import('@trellis/core');
}

class HandWiredPlugin {
  constructor(
    readonly index: number,
    readonly dependencies: readonly HandWiredPlugin[],
    readonly trace: LifecycleTrace,
  ) {}

  start(): void {
    this.trace.start(this.index);
  }

  stop(): void {
    this.trace.stop(this.index);
  }
}

function lifecycleBench(
  graph: PluginGraph,
  trace: LifecycleTrace,
  prepare: () => void,
  run: () => Promise<void> | void,
): LatencyBench {
  const once = async (): Promise<number> => {
    await run();
    return trace.events;
  };
  return {
    kind: 'latency',
    prepare: () => {
      trace.reset();
      prepare();
    },
    run: once,
    check: async () => {
      trace.reset();
      prepare();
      await once();
      return trace.summary(graph);
    },
  };
}

/** The hand-wired floor: a known start order, `new` with the dependencies, start, stop in reverse. */
function handWired(graph: PluginGraph): LatencyBench {
  const trace = new LifecycleTrace(graph.size);
  const instances: HandWiredPlugin[] = [];
  return lifecycleBench(
    graph,
    trace,
    () => {
      instances.length = 0;
    },
    () => {
      for (const index of graph.startOrder) {
        const deps = (graph.dependencies[index] ?? []).map((dep) => instances[dep] as HandWiredPlugin);
        instances[index] = new HandWiredPlugin(index, deps, trace);
      }
      for (const index of graph.startOrder) (instances[index] as HandWiredPlugin).start();
      for (let i = graph.startOrder.length - 1; i >= 0; i--) {
        (instances[graph.startOrder[i] as number] as HandWiredPlugin).stop();
      }
      instances.length = 0;
    },
  );
}

/** Plugin classes of a graph made with `definePlugin`, in registration order. */
export async function definePluginGraph(graph: PluginGraph, trace: LifecycleTrace) {
  const { definePlugin } = await loadCore();
  const classes = Array.from({ length: graph.size }, (_, index) =>
    definePlugin({
      name: pluginName(index),
      version: '1.0.0',
      dependencies: (graph.dependencies[index] ?? []).map(pluginName),
      start() {
        trace.start(index);
      },
      stop() {
        trace.stop(index);
      },
    }),
  );
  return graph.registrationOrder.map((index) => classes[index] as (typeof classes)[number]);
}

async function trellis(graph: PluginGraph): Promise<LatencyBench> {
  const { PluginManager } = await loadCore();
  const trace = new LifecycleTrace(graph.size);
  const classes = await definePluginGraph(graph, trace);
  let manager = new PluginManager({ logger: false });
  return lifecycleBench(
    graph,
    trace,
    () => {
      manager = new PluginManager({ logger: false });
      manager.register(classes);
    },
    async () => {
      const report = await manager.start();
      if (report.failed.length > 0)
        throw new Error(`start failed: ${report.failed.map((f) => f.name).join(', ')}`);
      await manager.close();
    },
  );
}

/** start() + close() of `size` plugins in a seeded random dependency graph; registration untimed. */
export function lifecycleCase(size: number): BenchCase {
  return {
    id: `lifecycle.${size}`,
    group: 'lifecycle',
    title: `${size >= 1_000 ? `${size / 1_000},000` : size} plugins`,
    unit: 'ms',
    gateInputs: [0],
    slow: size >= 1_000,
    contenders: [
      {
        id: 'floor',
        label: 'hand-wired',
        floor: true,
        note: 'a precomputed start order, `new` with the dependencies, start(), stop() in reverse',
        load: () => Promise.resolve(handWired(randomPluginGraph(size))),
      },
      {
        id: 'trellis',
        label: 'Trellis',
        note: 'definePlugin classes registered (untimed) on a new PluginManager, then start() + close()',
        load: () => trellis(randomPluginGraph(size)),
      },
      { id: 'inversify', label: 'inversify', na: NO_LIFECYCLE },
    ],
  };
}
