import type { BenchCase, Contender, ThroughputBench } from '../harness/types.js';
import { asyncFlags, filterHandlers, step, type HandlerKind } from './handlers.js';
import { asyncFilterChain, filterChain } from './floors.js';
import { asyncBench, GATE_INPUTS, syncBench, type DispatchApi } from './common.js';
import { loadExtensions } from './trellisDispatch.js';

const HANDLERS = 10;
const EVENT = 'bench.unused.filter';
const OTHER = 'bench.unused.other';

type Registry = InstanceType<Awaited<ReturnType<typeof loadExtensions>>['ExtensionRegistry']>;
type RegistryOptions = ConstructorParameters<
  Awaited<ReturnType<typeof loadExtensions>>['ExtensionRegistry']
>[0];

/** Variants of one registry: each makes a feature available without the measured dispatch using it. */
interface Variant {
  readonly id: string;
  readonly label: string;
  readonly note: string;
  readonly options?: RegistryOptions;
  /** Runs after the measured handlers are registered. */
  readonly arrange?: (registry: Registry, dispatch: () => unknown) => void | Promise<void>;
}

const otherHandler = (value: number): number => step(value, 7);

const VARIANTS: readonly Variant[] = [
  { id: 'trellis', label: 'Trellis (no features)', note: 'baseline: a registry with no optional feature' },
  {
    id: 'trellis-again',
    label: 'Trellis (no features, again)',
    note: 'the baseline in a second process: the run-to-run noise',
  },
  {
    id: 'tracing-off',
    label: 'tracing on, then off',
    note: 'created with tracing: true, dispatched 1,000 times, then setTracing(false)',
    options: { tracing: true },
    arrange: async (registry, dispatch) => {
      for (let i = 0; i < 1_000; i++) await dispatch();
      registry.setTracing(false);
    },
  },
  {
    id: 'timeout-elsewhere',
    label: 'timeout on another event',
    note: 'a handler with { timeout: 1000 } on a different event',
    arrange: (registry) => {
      registry.on(OTHER, otherHandler, { timeout: 1_000 });
    },
  },
  {
    id: 'retries-elsewhere',
    label: 'retries on another event',
    note: 'a handler with { retries: 3 } on a different event',
    arrange: (registry) => {
      registry.on(OTHER, otherHandler, { retries: 3 });
    },
  },
  {
    id: 'collect-all',
    label: 'collect-all, no errors',
    note: "errorStrategy: 'collect-all'; no handler throws",
    options: { errorStrategy: 'collect-all' },
  },
];

async function variantBench(variant: Variant, api: DispatchApi, kind: HandlerKind): Promise<ThroughputBench> {
  const { ExtensionRegistry, defineFilter } = await loadExtensions();
  const registry = new ExtensionRegistry(variant.options);
  const point = defineFilter<number>(EVENT);
  for (const handler of filterHandlers(kind, HANDLERS)) registry.on(point, handler);
  await variant.arrange?.(registry, () =>
    api === 'sync' ? registry.filter(point, 1) : registry.filterAsync(point, 1),
  );
  return api === 'sync'
    ? syncBench((input) => registry.filter(point, input))
    : asyncBench((input) => registry.filterAsync(point, input));
}

/** Filter dispatch of 10 handlers on registries that have an optional feature available but unused. */
export function unusedFeaturesCase(api: DispatchApi): BenchCase {
  const kind: HandlerKind = api === 'sync' ? 'sync' : 'async';
  const contenders: Contender[] = [
    {
      id: 'floor',
      label: 'hand-written',
      floor: true,
      load: () => {
        const handlers = filterHandlers(kind, HANDLERS);
        return Promise.resolve(
          api === 'sync'
            ? syncBench(filterChain(handlers))
            : asyncBench(asyncFilterChain(handlers, asyncFlags(kind, HANDLERS))),
        );
      },
    },
    ...VARIANTS.map((variant) => ({
      id: variant.id,
      label: variant.label,
      note: variant.note,
      load: () => variantBench(variant, api, kind),
    })),
  ];
  return {
    id: `unused.${api}`,
    group: 'unused-features',
    title: `${api} filter, ${HANDLERS} ${kind} handlers`,
    unit: 'ns',
    gateInputs: GATE_INPUTS,
    contenders,
  };
}
