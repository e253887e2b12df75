import { EventEmitter as NodeEmitter } from 'node:events';
import tapable from 'tapable';
import { createHooks } from 'hookable';
import Emittery from 'emittery';
import { EventEmitter as EventEmitter3 } from 'eventemitter3';
import type { BenchCase, HeapBench } from '../harness/types.js';
import { bytesPerUnit } from '../harness/heap.js';
import {
  asSyncFn,
  emitteryNotifyHandlers,
  notifyHandlers,
  type NotifyFn,
  type NotifyState,
} from './handlers.js';
import type { PlainEmitter } from './common.js';
import { loadExtensions } from './trellisDispatch.js';

const { SyncHook } = tapable;
const EVENTS = 1_000;
const PER_EVENT = 100;
const GATE_EVENTS = 3;
const GATE_PER_EVENT = 4;

/** A structure holding `events` x `perEvent` notify handlers; `dispatch` notifies one event. */
interface Registrations {
  dispatch(event: number, payload: number): number | Promise<number>;
}

/**
 * Creates the user's handlers (before the first heap reading: they are not the registry's) and
 * returns the function that registers them (measured).
 */
type Build = (events: number, perEvent: number) => Promise<() => Registrations | Promise<Registrations>>;

const eventName = (event: number): string => `bench.heap.e${event}`;

/**
 * Handlers are created before the first reading (they are the user's, not the registry's); each event
 * is dispatched once after registering, so lazily built dispatch code and caches are counted.
 */
function heapBench(build: Build): HeapBench {
  return {
    kind: 'heap',
    units: EVENTS * PER_EVENT,
    sampleBytes: async () => {
      const register = await build(EVENTS, PER_EVENT);
      return bytesPerUnit(EVENTS * PER_EVENT, async () => {
        const registrations = await register();
        for (let event = 0; event < EVENTS; event++) await registrations.dispatch(event, event);
        return registrations;
      });
    },
    check: async (input) => {
      const registrations = await (await build(GATE_EVENTS, GATE_PER_EVENT))();
      const outputs: number[] = [];
      for (let event = 0; event < GATE_EVENTS; event++)
        outputs.push(await registrations.dispatch(event, input));
      return outputs;
    },
  };
}

/** Creates the user's handlers up front and returns a builder that only registers them. */
function withHandlers(register: (handlers: NotifyFn[][], state: NotifyState) => Registrations): Build {
  return (events, perEvent) => {
    const state: NotifyState = { acc: 0 };
    const handlers = Array.from({ length: events }, () => notifyHandlers('sync', perEvent, state));
    return Promise.resolve(() => register(handlers, state));
  };
}

function emitterBuild(create: () => PlainEmitter<number>): Build {
  return withHandlers((handlers, state) => {
    const emitter = create();
    handlers.forEach((list, event) => {
      for (const handler of list) emitter.on(eventName(event), handler);
    });
    return {
      dispatch: (event, payload) => {
        state.acc = 0;
        emitter.emit(eventName(event), payload);
        return state.acc;
      },
    };
  });
}

const builds: Record<string, Build> = {
  floor: withHandlers((handlers, state) => {
    const map = new Map<string, NotifyFn[]>();
    handlers.forEach((list, event) => {
      const registered: NotifyFn[] = [];
      for (const handler of list) registered.push(handler);
      map.set(eventName(event), registered);
    });
    return {
      dispatch: (event, payload) => {
        state.acc = 0;
        for (const handler of map.get(eventName(event)) ?? []) void handler(payload);
        return state.acc;
      },
    };
  }),
  trellis: async (events, perEvent) => {
    const { ExtensionRegistry } = await loadExtensions();
    return withHandlers((handlers, state) => {
      const registry = new ExtensionRegistry();
      handlers.forEach((list, event) => {
        for (const handler of list) registry.on(eventName(event), handler);
      });
      return {
        dispatch: (event, payload) => {
          state.acc = 0;
          registry.notify(eventName(event), payload);
          return state.acc;
        },
      };
    })(events, perEvent);
  },
  tapable: withHandlers((handlers, state) => {
    const hooks = new Map<string, InstanceType<typeof SyncHook<[number]>>>();
    handlers.forEach((list, event) => {
      const hook = new SyncHook<[number]>(['payload']);
      list.forEach((handler, index) => {
        hook.tap(`h${index}`, asSyncFn(handler));
      });
      hooks.set(eventName(event), hook);
    });
    return {
      dispatch: (event, payload) => {
        state.acc = 0;
        hooks.get(eventName(event))?.call(payload);
        return state.acc;
      },
    };
  }),
  hookable: withHandlers((handlers, state) => {
    const hooks = createHooks<Record<string, NotifyFn>>();
    handlers.forEach((list, event) => {
      for (const handler of list) hooks.hook(eventName(event), handler);
    });
    return {
      dispatch: (event, payload) => {
        state.acc = 0;
        void hooks.callHook(eventName(event), payload);
        return state.acc;
      },
    };
  }),
  emittery: (events, perEvent) => {
    const state: NotifyState = { acc: 0 };
    const handlers = Array.from({ length: events }, () => emitteryNotifyHandlers('sync', perEvent, state));
    return Promise.resolve(() => {
      const emitter = new Emittery<Record<string, number>>();
      handlers.forEach((list, event) => {
        for (const handler of list) emitter.on(eventName(event), handler);
      });
      return {
        dispatch: async (event: number, payload: number) => {
          state.acc = 0;
          await emitter.emit(eventName(event), payload);
          return state.acc;
        },
      };
    });
  },
  eventemitter3: emitterBuild(() => new EventEmitter3()),
  'node-events': emitterBuild(() => {
    const emitter = new NodeEmitter();
    emitter.setMaxListeners(0);
    return emitter;
  }),
};

const labels: Record<string, string> = {
  floor: 'hand-written',
  trellis: 'Trellis',
  tapable: 'tapable',
  hookable: 'hookable',
  emittery: 'emittery',
  eventemitter3: 'eventemitter3',
  'node-events': 'node:events',
};

/** Heap bytes per registered notify handler: 1,000 events x 100 handlers, each event dispatched once. */
export function heapHandlersCase(): BenchCase {
  return {
    id: 'heap.handler',
    group: 'heap',
    title: 'bytes per registered handler (1,000 events x 100 handlers)',
    unit: 'B',
    gateInputs: [0, 1, 42, -5],
    nodeFlags: ['--expose-gc'],
    slow: true,
    contenders: Object.entries(builds).map(([id, build]) => ({
      id,
      label: labels[id] ?? id,
      ...(id === 'floor' ? { floor: true, note: 'a Map of handler arrays' } : {}),
      load: () => Promise.resolve(heapBench(build)),
    })),
  };
}
