import type { RegistryOptions } from '@trellis/extensions';
import type { BenchCase, Contender, ThroughputBench } from '../harness/types.js';
import { asyncBench, GATE_INPUTS } from './common.js';

const EVENT = 'bench.middleware.run';

interface Ctx {
  n: number;
}

type Layer = (ctx: Ctx, next: () => Promise<unknown>) => Promise<unknown>;

/** Five async layers that each change the context and pass the inner result on (an HTTP-style onion). */
function layers(count: number): Layer[] {
  return Array.from({ length: count }, (_unused, k): Layer => {
    const add = k + 1;
    return async (ctx, next) => {
      ctx.n += add;
      return next();
    };
  });
}

const terminal = (ctx: Ctx): number => ctx.n;

/** The same layers composed by hand (`compose`-style, no registry). */
function handComposed(count: number): ThroughputBench {
  const fns = layers(count);
  const run = (ctx: Ctx): Promise<unknown> => {
    const step = (index: number): Promise<unknown> => {
      const fn = fns[index];
      return fn === undefined ? Promise.resolve(terminal(ctx)) : fn(ctx, () => step(index + 1));
    };
    return step(0);
  };
  return asyncBench(async (input) => (await run({ n: input })) as number);
}

async function trellisRun(count: number, options: RegistryOptions): Promise<ThroughputBench> {
  const { ExtensionRegistry } = await import('@trellis/extensions');
  const registry = new ExtensionRegistry(options);
  layers(count).forEach((layer, k) => registry.on(EVENT, layer, { name: `layer${String(k)}` }));
  return asyncBench((input) => registry.run(EVENT, { n: input }, terminal));
}

/** `registry.run` (middleware, onion) with 5 async layers against the same layers composed by hand. */
export function middlewareRunCase(count = 5): BenchCase {
  const floor: Contender = {
    id: 'floor',
    label: 'hand-written',
    floor: true,
    note: 'the same async layers composed by hand (next = () => step(i + 1))',
    load: () => Promise.resolve(handComposed(count)),
  };
  return {
    id: `ablation.middleware.${String(count)}`,
    group: 'ablation',
    title: `middleware run, ${String(count)} async layers`,
    unit: 'ns',
    gateInputs: GATE_INPUTS,
    contenders: [
      floor,
      {
        id: 'trellis',
        label: 'Trellis (default)',
        note: 'registry.run, no timeouts, retries or once',
        load: () => trellisRun(count, {}),
      },
      {
        id: 'trellis-stats',
        label: 'Trellis, counting stats',
        note: 'stats: true',
        load: () => trellisRun(count, { stats: true }),
      },
    ],
  };
}
