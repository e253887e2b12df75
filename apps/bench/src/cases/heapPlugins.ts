import type { Newable } from 'inversify';
import type { BenchCase, HeapBench } from '../harness/types.js';
import { bytesPerUnit } from '../harness/heap.js';
import { definePluginGraph, loadCore } from './lifecycle.js';
import { LifecycleTrace, randomPluginGraph, type PluginGraph } from './pluginGraph.js';

const PLUGINS = 1_000;
const GATE_PLUGINS = 25;

/** Loads a graph and returns how many plugins are live, plus a release function. */
interface Loaded {
  readonly loaded: number;
  readonly release: () => unknown;
}
type Loader = (graph: PluginGraph) => Promise<{ readonly load: () => Promise<Loaded> }>;

function heapBench(loader: Loader): HeapBench {
  return {
    kind: 'heap',
    units: PLUGINS,
    sampleBytes: async () => {
      const { load } = await loader(randomPluginGraph(PLUGINS));
      return bytesPerUnit(PLUGINS, load, (built) => built.release());
    },
    check: async () => {
      const { load } = await loader(randomPluginGraph(GATE_PLUGINS));
      const built = await load();
      await built.release();
      return { loaded: built.loaded };
    },
  };
}

class HandWired {
  constructor(readonly dependencies: readonly HandWired[]) {}
}

const handWired: Loader = (graph) =>
  Promise.resolve({
    load: () => {
      const instances: HandWired[] = [];
      for (const index of graph.startOrder) {
        instances[index] = new HandWired(
          (graph.dependencies[index] ?? []).map((dep) => instances[dep] as HandWired),
        );
      }
      return Promise.resolve({ loaded: instances.length, release: () => undefined });
    },
  });

/** One injectable class per plugin, its dependencies injected as properties, bound as singletons. */
const rawInversify: Loader = async (graph) => {
  await import('reflect-metadata');
  const { Container, inject, injectable } = await import('inversify');
  const classes: Newable<object>[] = [];
  for (const index of graph.startOrder) {
    const cls = class {};
    injectable()(cls);
    (graph.dependencies[index] ?? []).forEach((dep, slot) => {
      inject(classes[dep] as Newable<object>)(cls.prototype, `d${slot}`);
    });
    classes[index] = cls;
  }
  return {
    load: () => {
      const container = new Container();
      for (const cls of classes) container.bind(cls).toSelf().inSingletonScope();
      const instances = classes.map((cls) => container.get(cls));
      return Promise.resolve({
        loaded: instances.length,
        release: () => {
          container.unbindAll();
        },
      });
    },
  };
};

/** `definePlugin` classes registered on a new PluginManager and loaded (loadAll). */
const trellis: Loader = async (graph) => {
  const { PluginManager } = await loadCore();
  const classes = await definePluginGraph(graph, new LifecycleTrace(graph.size));
  return {
    load: async () => {
      const manager = new PluginManager({ logger: false });
      manager.register(classes);
      const report = await manager.loadAll();
      return { loaded: report.loaded.length, release: () => manager.close() };
    },
  };
};

/** Heap bytes per loaded plugin: 1,000 plugins of the random dependency graph. */
export function heapPluginsCase(): BenchCase {
  return {
    id: 'heap.plugin',
    group: 'heap',
    title: 'bytes per loaded plugin (1,000 plugins, random graph)',
    unit: 'B',
    gateInputs: [0],
    nodeFlags: ['--expose-gc'],
    slow: true,
    contenders: [
      {
        id: 'floor',
        label: 'hand-written',
        floor: true,
        note: 'instances made with `new`, holding their dependencies',
        load: () => Promise.resolve(heapBench(handWired)),
      },
      {
        id: 'inversify',
        label: 'inversify',
        note: 'one singleton binding per class, dependencies injected as properties, all resolved',
        load: () => Promise.resolve(heapBench(rawInversify)),
      },
      {
        id: 'trellis',
        label: 'Trellis',
        note: 'definePlugin classes registered on a new PluginManager and loaded (manager included)',
        load: () => Promise.resolve(heapBench(trellis)),
      },
    ],
  };
}
