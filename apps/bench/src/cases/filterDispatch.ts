import { EventEmitter as NodeEmitter } from 'node:events';
import tapable from 'tapable';
import { createHooks } from 'hookable';
import Emittery from 'emittery';
import { EventEmitter as EventEmitter3 } from 'eventemitter3';
import type { BenchCase, Contender } from '../harness/types.js';
import {
  asSyncFn,
  asAsyncFn,
  asyncFlags,
  emitteryHolderHandlers,
  filterHandlers,
  holderHandlers,
  type HandlerKind,
  type Holder,
  type HolderFn,
} from './handlers.js';
import { asyncFilterChain, filterChain } from './floors.js';
import {
  asyncBench,
  GATE_INPUTS,
  HOLDER_NOTE,
  NO_AWAIT,
  NO_SYNC_EMIT,
  syncBench,
  type DispatchApi,
  type PlainEmitter,
} from './common.js';
import { trellisFilterBench } from './trellisDispatch.js';

const { SyncWaterfallHook, AsyncSeriesWaterfallHook } = tapable;

function holderEmitter(emitter: PlainEmitter<Holder>, handlers: readonly HolderFn[]) {
  for (const handler of handlers) emitter.on('e', handler);
  return syncBench((input) => {
    const holder: Holder = { value: input };
    emitter.emit('e', holder);
    return holder.value;
  });
}

/** Filter (waterfall) dispatch of `count` handlers of `kind` through the sync or async API. */
export function filterCase(api: DispatchApi, kind: HandlerKind, count: number): BenchCase {
  const flags = asyncFlags(kind, count);
  const kindLabel = kind === 'sync' ? 'sync' : kind === 'async' ? 'async' : 'mixed sync/async';
  const contenders: Contender[] = [
    {
      id: 'floor',
      label: 'hand-written',
      floor: true,
      load: () => {
        const handlers = filterHandlers(kind, count);
        return Promise.resolve(
          api === 'sync' ? syncBench(filterChain(handlers)) : asyncBench(asyncFilterChain(handlers, flags)),
        );
      },
    },
    {
      id: 'trellis',
      label: 'Trellis',
      load: () => trellisFilterBench({ api, kind, count, event: `bench.filter.${api}.${kind}.h${count}` }),
    },
    {
      id: 'tapable',
      label: 'tapable',
      load: () => {
        const handlers = filterHandlers(kind, count);
        if (api === 'sync') {
          const hook = new SyncWaterfallHook<[number]>(['value']);
          handlers.forEach((handler, index) => {
            hook.tap(`h${index}`, asSyncFn(handler));
          });
          return Promise.resolve(syncBench((input) => hook.call(input)));
        }
        const hook = new AsyncSeriesWaterfallHook<[number]>(['value']);
        handlers.forEach((handler, index) => {
          if (flags[index] === true) hook.tapPromise(`h${index}`, asAsyncFn(handler));
          else hook.tap(`h${index}`, asSyncFn(handler));
        });
        return Promise.resolve(asyncBench((input) => hook.promise(input)));
      },
    },
    {
      id: 'hookable',
      label: 'hookable',
      note: HOLDER_NOTE,
      load: () => {
        const hooks = createHooks<{ e: HolderFn }>();
        for (const handler of holderHandlers(kind, count)) hooks.hook('e', handler);
        if (api === 'sync') {
          return Promise.resolve(
            syncBench((input) => {
              const holder: Holder = { value: input };
              void hooks.callHook('e', holder); // all handlers are sync: callHook returns undefined
              return holder.value;
            }),
          );
        }
        return Promise.resolve(
          asyncBench(async (input) => {
            const holder: Holder = { value: input };
            await hooks.callHook('e', holder);
            return holder.value;
          }),
        );
      },
    },
    api === 'sync'
      ? { id: 'emittery', label: 'emittery', na: NO_SYNC_EMIT }
      : {
          id: 'emittery',
          label: 'emittery',
          note: HOLDER_NOTE,
          load: () => {
            const emitter = new Emittery<{ e: Holder }>();
            for (const handler of emitteryHolderHandlers(kind, count)) emitter.on('e', handler);
            return Promise.resolve(
              asyncBench(async (input) => {
                const holder: Holder = { value: input };
                await emitter.emitSerial('e', holder);
                return holder.value;
              }),
            );
          },
        },
    api === 'sync'
      ? {
          id: 'eventemitter3',
          label: 'eventemitter3',
          note: HOLDER_NOTE,
          load: () => Promise.resolve(holderEmitter(new EventEmitter3(), holderHandlers(kind, count))),
        }
      : { id: 'eventemitter3', label: 'eventemitter3', na: NO_AWAIT },
    api === 'sync'
      ? {
          id: 'node-events',
          label: 'node:events',
          note: HOLDER_NOTE,
          load: () => {
            const emitter = new NodeEmitter();
            emitter.setMaxListeners(0);
            return Promise.resolve(holderEmitter(emitter, holderHandlers(kind, count)));
          },
        }
      : { id: 'node-events', label: 'node:events', na: NO_AWAIT },
  ];
  return {
    id: `filter.${api}.${kind}.${count}`,
    group: api === 'sync' ? 'filter-sync' : 'filter-async',
    title: `${api} API, ${count} ${kindLabel} handler${count === 1 ? '' : 's'}`,
    unit: 'ns',
    gateInputs: GATE_INPUTS,
    contenders,
  };
}
