import { EventEmitter as NodeEmitter } from 'node:events';
import { createHooks } from 'hookable';
import { EventEmitter as EventEmitter3 } from 'eventemitter3';
import type { RegistryOptions } from '@trellis/extensions';
import type { BenchCase, ThroughputBench } from '../harness/types.js';
import {
  filterHandlers,
  holderHandlers,
  step,
  type FilterFn,
  type Holder,
  type HolderFn,
} from './handlers.js';
import { filterChainFactory } from './floors.js';
import { HOLDER_NOTE, NO_SYNC_EMIT, NO_UNTAP, syncBench, type PlainEmitter } from './common.js';
import { loadExtensions } from './trellisDispatch.js';

const HANDLERS = 10;
const PERIOD = 100;
const EXTRA_K = HANDLERS + 1;

/**
 * Every PERIOD-th dispatch first toggles one extra handler: registered on one turn, unregistered on
 * the next. The toggling counts calls on the instance, so a fresh instance gives a fixed sequence.
 */
function churning(register: () => () => void, dispatch: (input: number) => number): ThroughputBench {
  let off: (() => void) | undefined;
  let calls = 0;
  return syncBench((input) => {
    if (calls++ % PERIOD === 0) {
      if (off) {
        off();
        off = undefined;
      } else {
        off = register();
      }
    }
    return dispatch(input);
  });
}

const extraFilter: FilterFn = (value: number) => step(value, EXTRA_K);
const extraHolder: HolderFn = (holder: Holder) => {
  holder.value = step(holder.value, EXTRA_K);
};

function emitterChurn(emitter: PlainEmitter<Holder>): ThroughputBench {
  for (const handler of holderHandlers('sync', HANDLERS)) emitter.on('e', handler);
  const extra = (holder: Holder): void => {
    holder.value = step(holder.value, EXTRA_K);
  };
  return churning(
    () => {
      emitter.on('e', extra);
      return () => emitter.off('e', extra);
    },
    (input) => {
      const holder: Holder = { value: input };
      emitter.emit('e', holder);
      return holder.value;
    },
  );
}

/** The Trellis contender of the churn case, on a registry with `options`. */
export async function trellisChurn(options?: RegistryOptions): Promise<ThroughputBench> {
  const { ExtensionRegistry, defineFilter } = await loadExtensions();
  const registry = new ExtensionRegistry(options);
  const point = defineFilter<number>('bench.churn.filter');
  for (const handler of filterHandlers('sync', HANDLERS)) registry.on(point, handler);
  return churning(
    () => registry.on(point, extraFilter),
    (input) => registry.filter(point, input),
  );
}

/** Sync filter of 10 handlers with one register or unregister per 100 dispatches; ns per dispatch. */
export function churnCase(): BenchCase {
  return {
    id: 'churn.filter.10',
    group: 'churn',
    title: `sync filter, ${HANDLERS} handlers, 1 register/unregister per ${PERIOD} dispatches`,
    unit: 'ns',
    gateInputs: Array.from({ length: 2 * PERIOD + PERIOD / 2 }, (_, index) => index * 7),
    contenders: [
      {
        id: 'floor',
        label: 'hand-written',
        floor: true,
        note: 'the literal call chain, rebound on each change from a compiled factory cached per handler count',
        load: () => {
          let handlers: readonly FilterFn[] = filterHandlers('sync', HANDLERS);
          const factories = new Map<number, (list: readonly FilterFn[]) => (value: number) => number>();
          const compile = (list: readonly FilterFn[]): ((value: number) => number) => {
            let factory = factories.get(list.length);
            if (!factory) {
              factory = filterChainFactory(list.length);
              factories.set(list.length, factory);
            }
            return factory(list);
          };
          let chain = compile(handlers);
          return Promise.resolve(
            churning(
              () => {
                handlers = [...handlers, extraFilter];
                chain = compile(handlers);
                return () => {
                  handlers = handlers.filter((handler) => handler !== extraFilter);
                  chain = compile(handlers);
                };
              },
              (input) => chain(input),
            ),
          );
        },
      },
      { id: 'trellis', label: 'Trellis', load: () => trellisChurn() },
      { id: 'tapable', label: 'tapable', na: NO_UNTAP },
      {
        id: 'hookable',
        label: 'hookable',
        note: HOLDER_NOTE,
        load: () => {
          const hooks = createHooks<{ e: HolderFn }>();
          for (const handler of holderHandlers('sync', HANDLERS)) hooks.hook('e', handler);
          return Promise.resolve(
            churning(
              () => hooks.hook('e', extraHolder),
              (input) => {
                const holder: Holder = { value: input };
                void hooks.callHook('e', holder);
                return holder.value;
              },
            ),
          );
        },
      },
      { id: 'emittery', label: 'emittery', na: NO_SYNC_EMIT },
      {
        id: 'eventemitter3',
        label: 'eventemitter3',
        note: HOLDER_NOTE,
        load: () => Promise.resolve(emitterChurn(new EventEmitter3())),
      },
      {
        id: 'node-events',
        label: 'node:events',
        note: HOLDER_NOTE,
        load: () => {
          const emitter = new NodeEmitter();
          emitter.setMaxListeners(0);
          return Promise.resolve(emitterChurn(emitter));
        },
      },
    ],
  };
}
