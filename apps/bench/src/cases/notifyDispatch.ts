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
  emitteryNotifyHandlers,
  notifyHandlers,
  type HandlerKind,
  type NotifyFn,
  type NotifyState,
} from './handlers.js';
import { asyncNotifyRun, notifyRun } from './floors.js';
import {
  asyncBench,
  GATE_INPUTS,
  NO_AWAIT,
  NO_SYNC_EMIT,
  syncBench,
  type DispatchApi,
  type PlainEmitter,
} from './common.js';
import { trellisNotifyBench } from './trellisDispatch.js';

const { SyncHook, AsyncSeriesHook } = tapable;

function emitterBench(emitter: PlainEmitter<number>, handlers: readonly NotifyFn[], state: NotifyState) {
  for (const handler of handlers) emitter.on('e', handler);
  return syncBench((input) => {
    state.acc = 0;
    emitter.emit('e', input);
    return state.acc;
  });
}

/** Notify dispatch (every handler gets the payload, returns ignored), serial in the async API. */
export function notifyCase(api: DispatchApi, kind: HandlerKind, count: number): BenchCase {
  const flags = asyncFlags(kind, count);
  const kindLabel = kind === 'sync' ? 'sync' : kind === 'async' ? 'async' : 'mixed sync/async';
  const contenders: Contender[] = [
    {
      id: 'floor',
      label: 'hand-written',
      floor: true,
      load: () => {
        const state: NotifyState = { acc: 0 };
        const handlers = notifyHandlers(kind, count, state);
        return Promise.resolve(
          api === 'sync'
            ? syncBench(notifyRun(handlers, state))
            : asyncBench(asyncNotifyRun(handlers, flags, state)),
        );
      },
    },
    {
      id: 'trellis',
      label: 'Trellis',
      load: () => trellisNotifyBench({ api, kind, count, event: `bench.notify.${api}.${kind}.h${count}` }),
    },
    {
      id: 'tapable',
      label: 'tapable',
      load: () => {
        const state: NotifyState = { acc: 0 };
        const handlers = notifyHandlers(kind, count, state);
        if (api === 'sync') {
          const hook = new SyncHook<[number]>(['payload']);
          handlers.forEach((handler, index) => {
            hook.tap(`h${index}`, asSyncFn(handler));
          });
          return Promise.resolve(
            syncBench((input) => {
              state.acc = 0;
              hook.call(input);
              return state.acc;
            }),
          );
        }
        const hook = new AsyncSeriesHook<[number]>(['payload']);
        handlers.forEach((handler, index) => {
          if (flags[index] === true) hook.tapPromise(`h${index}`, asAsyncFn(handler));
          else hook.tap(`h${index}`, asSyncFn(handler));
        });
        return Promise.resolve(
          asyncBench(async (input) => {
            state.acc = 0;
            await hook.promise(input);
            return state.acc;
          }),
        );
      },
    },
    {
      id: 'hookable',
      label: 'hookable',
      load: () => {
        const state: NotifyState = { acc: 0 };
        const hooks = createHooks<{ e: NotifyFn }>();
        for (const handler of notifyHandlers(kind, count, state)) hooks.hook('e', handler);
        if (api === 'sync') {
          return Promise.resolve(
            syncBench((input) => {
              state.acc = 0;
              void hooks.callHook('e', input); // all handlers are sync: callHook returns undefined
              return state.acc;
            }),
          );
        }
        return Promise.resolve(
          asyncBench(async (input) => {
            state.acc = 0;
            await hooks.callHook('e', input);
            return state.acc;
          }),
        );
      },
    },
    api === 'sync'
      ? { id: 'emittery', label: 'emittery', na: NO_SYNC_EMIT }
      : {
          id: 'emittery',
          label: 'emittery',
          note: 'emitSerial(): listeners run one after another, like the others',
          load: () => {
            const state: NotifyState = { acc: 0 };
            const emitter = new Emittery<{ e: number }>();
            for (const handler of emitteryNotifyHandlers(kind, count, state)) emitter.on('e', handler);
            return Promise.resolve(
              asyncBench(async (input) => {
                state.acc = 0;
                await emitter.emitSerial('e', input);
                return state.acc;
              }),
            );
          },
        },
    api === 'sync'
      ? {
          id: 'eventemitter3',
          label: 'eventemitter3',
          load: () => {
            const state: NotifyState = { acc: 0 };
            return Promise.resolve(
              emitterBench(new EventEmitter3(), notifyHandlers(kind, count, state), state),
            );
          },
        }
      : { id: 'eventemitter3', label: 'eventemitter3', na: NO_AWAIT },
    api === 'sync'
      ? {
          id: 'node-events',
          label: 'node:events',
          load: () => {
            const state: NotifyState = { acc: 0 };
            const emitter = new NodeEmitter();
            emitter.setMaxListeners(0);
            return Promise.resolve(emitterBench(emitter, notifyHandlers(kind, count, state), state));
          },
        }
      : { id: 'node-events', label: 'node:events', na: NO_AWAIT },
  ];
  return {
    id: `notify.${api}.${kind}.${count}`,
    group: api === 'sync' ? 'notify-sync' : 'notify-async',
    title: `${api} API, ${count} ${kindLabel} handler${count === 1 ? '' : 's'}`,
    unit: 'ns',
    gateInputs: GATE_INPUTS,
    contenders,
  };
}
