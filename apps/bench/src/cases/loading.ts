import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchCase, HeapBench, LatencyBench } from '../harness/types.js';
import { bytesPerUnit } from '../harness/heap.js';
import { loadCore } from './lifecycle.js';

/*
 * Plugin modules are written under apps/bench/.scratch (ignored by git), so that their
 * `import '@trellis/core'` resolves to the built workspace package like a host's plugins would.
 * ESM never frees a module: every tree and every reload stays in the process, which is why each
 * sample imports files it has not imported before.
 */
const SCRATCH = fileURLToPath(new URL('../../.scratch/', import.meta.url));
const MODULES = 1_000;
const FOLDERS = 50;
const GATE_MODULES = 20;
const RELOADS = 200;
const DEPENDENTS = ['d1', 'd2', 'd3'] as const;
const POINT = 'bench.reload';

function scratchDir(label: string): string {
  const dir = join(SCRATCH, `${label}-${randomUUID()}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** `count` plugin modules spread over `FOLDERS` folders nested five deep (a/b/c/d/e…). */
function writeTree(count: number): string {
  const root = scratchDir('discover');
  for (let index = 0; index < count; index++) {
    const folder = index % FOLDERS;
    const dir = join(root, `g${String(folder % 10)}`, `f${String(folder)}`, 'src', 'plugins');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, `p${String(index)}.plugin.mjs`),
      `import { definePlugin } from '@trellis/core';\nexport default definePlugin({ name: 'p${String(index)}', version: '1.0.0' });\n`,
    );
  }
  return root;
}

/** A latency bench whose untimed `prepare` writes a fresh tree and whose `run` discovers it. */
function discoveryBench(discover: (root: string) => Promise<number>): LatencyBench {
  const trees = new Map<number, string>();
  const all: string[] = [];
  return {
    kind: 'latency',
    prepare: (input) => {
      const root = writeTree(MODULES);
      trees.set(input, root);
      all.push(root);
    },
    run: async (input) => {
      const root = trees.get(input) ?? writeTree(MODULES);
      trees.delete(input);
      return discover(root);
    },
    check: async () => {
      const root = writeTree(GATE_MODULES);
      all.push(root);
      return discover(root);
    },
    dispose: () => {
      for (const root of all) rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The bare loop: list the files, `import()` each in turn, count the default exports. */
async function bareLoop(root: string): Promise<number> {
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((file) =>
    file.endsWith('.plugin.mjs'),
  );
  let count = 0;
  for (const file of files) {
    const namespace = (await import(pathToFileURL(join(root, file)).href)) as { default?: unknown };
    if (typeof namespace.default === 'function') count++;
  }
  return count;
}

async function trellisDiscovery(root: string): Promise<number> {
  const { PluginManager } = await loadCore();
  const manager = new PluginManager({ logger: false });
  return (await manager.discoverPlugins(root)).length;
}

/** Discovery of 1,000 plugin modules in 50 nested folders (registered, not loaded). */
export function discoveryCase(): BenchCase {
  return {
    id: 'loading.discover',
    group: 'loading',
    title: `discover ${MODULES.toLocaleString('en')} plugin modules in ${String(FOLDERS)} nested folders`,
    unit: 'ms',
    gateInputs: [0],
    slow: true,
    contenders: [
      {
        id: 'floor',
        label: 'hand-written floor',
        floor: true,
        note: 'readdir (recursive), then import() of each file in turn',
        load: () => Promise.resolve(discoveryBench(bareLoop)),
      },
      {
        id: 'trellis',
        label: 'Trellis',
        note: 'manager.discoverPlugins(dir): scan, import, find plugin exports, validate and register',
        load: () => Promise.resolve(discoveryBench(trellisDiscovery)),
      },
    ],
  };
}

const baseSource = (mark: string): string =>
  `import { definePlugin } from '@trellis/core';
export default definePlugin({
  name: 'base',
  version: '1.0.0',
  hooks: [{ on: '${POINT}', handler(marks) { return [...marks, '${mark}']; } }],
});
`;

/** What one reload setup reports: bad dispatches seen while reloading, and what came back. */
interface ReloadOutcome {
  readonly dispatches: 'every dispatch answered by exactly one base version';
  readonly reloaded: readonly string[];
}

/** Dispatches in a loop (one per event-loop turn) and counts answers without exactly one `base`. */
function dispatchLoop(dispatch: () => readonly string[]): { stop: () => Promise<number> } {
  let running = true;
  let bad = 0;
  const done = (async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- cleared by stop()
    while (running) {
      if (dispatch().filter((mark) => mark === 'base').length !== 1) bad++;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      return bad;
    },
  };
}

interface ReloadSetup {
  readonly dispatch: () => readonly string[];
  readonly reload: () => Promise<readonly string[]>;
  readonly dispose: () => Promise<void>;
}

/** Hand-written: a handler chain in an array; a reload imports the module again and swaps the entry. */
async function handWiredSetup(): Promise<ReloadSetup> {
  const dir = scratchDir('reload-floor');
  const file = join(dir, 'base.plugin.mjs');
  writeFileSync(file, baseSource('base'));
  let version = 0;
  const { getHookDeclarations } = await import('@trellis/extensions');
  const importBase = async (): Promise<(marks: string[]) => string[]> => {
    const url = `${pathToFileURL(file).href}?v=${String(version++)}`;
    const cls = ((await import(url)) as { default: new () => object }).default;
    const instance = new cls();
    const [declaration] = getHookDeclarations(cls);
    const method = (instance as Record<PropertyKey, unknown>)[declaration?.method ?? ''] as (
      m: string[],
    ) => string[];
    return method.bind(instance);
  };
  const chain: ((marks: string[]) => string[])[] = [await importBase()];
  for (const name of DEPENDENTS) chain.push((marks) => [...marks, name]);
  return {
    dispatch: () => chain.reduce<string[]>((marks, handler) => handler(marks), []),
    reload: async () => {
      chain[0] = await importBase();
      for (let index = 0; index < DEPENDENTS.length; index++) {
        const name = DEPENDENTS[index] as string;
        chain[index + 1] = (marks) => [...marks, name];
      }
      return ['base', ...DEPENDENTS];
    },
    dispose: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

/** Trellis: `base` discovered from a file, three dependents in code, all started. */
async function trellisSetup(): Promise<ReloadSetup> {
  const { PluginManager, definePlugin } = await loadCore();
  const dir = scratchDir('reload');
  writeFileSync(join(dir, 'base.plugin.mjs'), baseSource('base'));
  const manager = new PluginManager({ logger: false });
  await manager.discoverPlugins(dir);
  for (const name of DEPENDENTS) {
    manager.register(
      definePlugin({
        name,
        dependencies: ['base'],
        hooks: [{ on: POINT, priority: 'low', handler: (marks: string[]) => [...marks, name] }],
      }),
    );
  }
  await manager.start();
  return {
    dispatch: () => manager.trigger(POINT, [] as string[]),
    reload: async () => (await manager.reload('base')).reloaded,
    dispose: async () => {
      await manager.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function reloadBench(setup: () => Promise<ReloadSetup>): LatencyBench {
  let current: Promise<ReloadSetup> | undefined;
  const get = (): Promise<ReloadSetup> => (current ??= setup());
  return {
    kind: 'latency',
    prepare: () => undefined,
    run: async () => {
      const { dispatch, reload } = await get();
      const loop = dispatchLoop(dispatch);
      const reloaded = await reload();
      return (await loop.stop()) + reloaded.length;
    },
    check: async (): Promise<ReloadOutcome> => {
      const fresh = await setup();
      const loop = dispatchLoop(fresh.dispatch);
      const reloaded = await fresh.reload();
      const bad = await loop.stop();
      await fresh.dispose();
      if (bad !== 0) throw new Error(`${String(bad)} dispatches found no base handler, or two`);
      return { dispatches: 'every dispatch answered by exactly one base version', reloaded };
    },
    dispose: async () => {
      if (current !== undefined) await (await current).dispose();
    },
  };
}

/** Reload of one plugin with three dependents while a dispatch loop runs. */
export function reloadCase(): BenchCase {
  return {
    id: 'loading.reload',
    group: 'loading',
    title: 'reload one plugin from its file (3 dependents) while trigger() runs in a loop',
    unit: 'ms',
    gateInputs: [0],
    slow: true,
    contenders: [
      {
        id: 'floor',
        label: 'hand-written floor',
        floor: true,
        note: 'import() the module again (new query) and swap the handler in an array',
        load: () => Promise.resolve(reloadBench(handWiredSetup)),
      },
      {
        id: 'trellis',
        label: 'Trellis',
        note: 'manager.reload(name): re-import, validate, bridge hooks, stop/unload 4 plugins, load/start 4',
        load: () => Promise.resolve(reloadBench(trellisSetup)),
      },
    ],
  };
}

function reloadHeapBench(setup: () => Promise<ReloadSetup>): HeapBench {
  let current: Promise<ReloadSetup> | undefined;
  const get = (): Promise<ReloadSetup> => (current ??= setup());
  return {
    kind: 'heap',
    units: RELOADS,
    sampleBytes: async () => {
      const { reload } = await get();
      return bytesPerUnit(RELOADS, async () => {
        for (let index = 0; index < RELOADS; index++) await reload();
      });
    },
    check: async () => {
      const fresh = await setup();
      const reloaded = await fresh.reload();
      await fresh.dispose();
      return reloaded;
    },
    dispose: async () => {
      if (current !== undefined) await (await current).dispose();
    },
  };
}

/** Heap retained per reload over 200 reloads (ESM keeps every module instance). */
export function reloadHeapCase(): BenchCase {
  return {
    id: 'heap.reload',
    group: 'heap',
    title: `bytes retained per reload (${String(RELOADS)} reloads of one plugin with 3 dependents)`,
    unit: 'B',
    gateInputs: [0],
    nodeFlags: ['--expose-gc'],
    slow: true,
    contenders: [
      {
        id: 'floor',
        label: 'hand-written floor',
        floor: true,
        note: 'import() with a new query: the module instance ESM keeps is the floor',
        load: () => Promise.resolve(reloadHeapBench(handWiredSetup)),
      },
      {
        id: 'trellis',
        label: 'Trellis',
        note: 'manager.reload(name) of a plugin from a file',
        load: () => Promise.resolve(reloadHeapBench(trellisSetup)),
      },
    ],
  };
}
