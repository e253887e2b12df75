import { EventEmitter as NodeEmitter } from 'node:events';
import tapable from 'tapable';
import { createHooks } from 'hookable';
import { EventEmitter as EventEmitter3 } from 'eventemitter3';
import type { BenchCase, LatencyBench } from '../harness/types.js';
import {
  asSyncFn,
  filterHandlers,
  holderHandlers,
  step,
  type FilterFn,
  type Holder,
  type HolderFn,
} from './handlers.js';
import { HOLDER_NOTE, NO_SYNC_EMIT, type PlainEmitter } from './common.js';
import { loadExtensions } from './trellisDispatch.js';

const { SyncWaterfallHook } = tapable;
const HANDLERS = 100;

/** The last handler is swapped before every timed dispatch, alternating between two constants. */
const rotatingFilters: readonly FilterFn[] = [
  (value: number) => step(value, HANDLERS),
  (value: number) => step(value, HANDLERS + 1),
];
const rotatingHolders: readonly HolderFn[] = [
  (holder: Holder) => {
    holder.value = step(holder.value, HANDLERS);
  },
  (holder: Holder) => {
    holder.value = step(holder.value, HANDLERS + 1);
  },
];

/** A latency bench whose `prepare` swaps the rotating handler (untimed) and whose `run` dispatches once. */
function swapping<THandler>(
  rotating: readonly THandler[],
  swap: (next: THandler) => void,
  dispatch: (input: number) => number,
): LatencyBench {
  let turn = 0;
  const prepare = (): void => {
    swap(rotating[turn++ % rotating.length] as THandler);
  };
  return {
    kind: 'latency',
    prepare,
    run: dispatch,
    check: (input) => {
      prepare();
      return dispatch(input);
    },
  };
}

function emitterBench(emitter: PlainEmitter<Holder>): LatencyBench {
  for (const handler of holderHandlers('sync', HANDLERS - 1)) emitter.on('e', handler);
  let current: HolderFn | undefined;
  return swapping(
    rotatingHolders,
    (next) => {
      if (current) emitter.off('e', current);
      emitter.on('e', next);
      current = next;
    },
    (input) => {
      const holder: Holder = { value: input };
      emitter.emit('e', holder);
      return holder.value;
    },
  );
}

/** The first sync filter dispatch after a registration change, with 100 handlers; µs. */
export function firstDispatchCase(): BenchCase {
  return {
    id: 'first-dispatch.filter.100',
    group: 'first-dispatch',
    title: `first sync filter dispatch after a registration change, ${HANDLERS} handlers`,
    unit: 'µs',
    gateInputs: [0, 1, 2, 3, 42, -5, 1000],
    contenders: [
      {
        id: 'floor',
        label: 'hand-written',
        floor: true,
        note: 'a copy-on-write array of handlers and a loop',
        load: () => {
          const fixed = filterHandlers('sync', HANDLERS - 1);
          let handlers: readonly FilterFn[] = fixed;
          return Promise.resolve(
            swapping(
              rotatingFilters,
              (next) => {
                handlers = [...fixed, next];
              },
              (input) => {
                const list = handlers;
                let value = input;
                for (let i = 0; i < list.length; i++) {
                  const result = (list[i] as FilterFn)(value) as number | undefined;
                  if (result !== undefined) value = result;
                }
                return value;
              },
            ),
          );
        },
      },
      {
        id: 'trellis',
        label: 'Trellis',
        load: async () => {
          const { ExtensionRegistry, defineFilter } = await loadExtensions();
          const registry = new ExtensionRegistry();
          const point = defineFilter<number>('bench.first.filter');
          for (const handler of filterHandlers('sync', HANDLERS - 1)) registry.on(point, handler);
          let off: (() => void) | undefined;
          return swapping(
            rotatingFilters,
            (next) => {
              off?.();
              off = registry.on(point, next);
            },
            (input) => registry.filter(point, input),
          );
        },
      },
      {
        id: 'tapable',
        label: 'tapable',
        note: 'no untap: a fresh hook with the 100 taps before each sample (any tap resets the compiled call the same way)',
        load: () => {
          const fixed = filterHandlers('sync', HANDLERS - 1);
          let hook = new SyncWaterfallHook<[number]>(['value']);
          return Promise.resolve(
            swapping(
              rotatingFilters,
              (next) => {
                hook = new SyncWaterfallHook<[number]>(['value']);
                fixed.forEach((handler, index) => {
                  hook.tap(`h${index}`, asSyncFn(handler));
                });
                hook.tap('rotating', asSyncFn(next));
              },
              (input) => hook.call(input),
            ),
          );
        },
      },
      {
        id: 'hookable',
        label: 'hookable',
        note: HOLDER_NOTE,
        load: () => {
          const hooks = createHooks<{ e: HolderFn }>();
          for (const handler of holderHandlers('sync', HANDLERS - 1)) hooks.hook('e', handler);
          let off: (() => void) | undefined;
          return Promise.resolve(
            swapping(
              rotatingHolders,
              (next) => {
                off?.();
                off = hooks.hook('e', next);
              },
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
        load: () => Promise.resolve(emitterBench(new EventEmitter3())),
      },
      {
        id: 'node-events',
        label: 'node:events',
        note: HOLDER_NOTE,
        load: () => {
          const emitter = new NodeEmitter();
          emitter.setMaxListeners(0);
          return Promise.resolve(emitterBench(emitter));
        },
      },
    ],
  };
}
