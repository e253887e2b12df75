import type { BenchCase, ThroughputBench } from '../harness/types.js';
import { GATE_INPUTS, asyncBench } from './common.js';

const SUBSCRIBERS = 10;
const TYPE = 'bench.event';

/**
 * Counts deliveries of one operation: `start(expected)` returns a promise that resolves with the sum
 * of every delivered value once `expected` deliveries arrived.
 */
class DeliveryCounter {
  acc = 0;
  #count = 0;
  #expected = 0;
  #resolve: (value: number) => void = () => undefined;

  start(expected: number): Promise<number> {
    this.acc = 0;
    this.#count = 0;
    this.#expected = expected;
    return new Promise<number>((resolve) => {
      this.#resolve = resolve;
    });
  }

  readonly deliver = (value: number): void => {
    this.acc += value;
    if (++this.#count === this.#expected) this.#resolve(this.acc);
  };
}

/** One operation: publish `burst` events (not awaited one by one) and wait until all subscribers got all. */
function burstBench(
  burst: number,
  publish: (value: number) => void,
  counter: DeliveryCounter,
): ThroughputBench {
  return asyncBench((input) => {
    const done = counter.start(burst * SUBSCRIBERS);
    for (let index = 0; index < burst; index++) publish(input + index);
    return done;
  });
}

async function trellisBench(burst: number): Promise<ThroughputBench> {
  const { PluginManager, inject, plugin } = await import('@trellis/core');
  const { EVENT_BUS, EventsPlugin } = await import('@trellis/events');
  type Bus = import('@trellis/events').EventBus;
  const counter = new DeliveryCounter();

  @plugin({ name: 'bench-publisher' })
  class Publisher {
    constructor(@inject(EVENT_BUS) readonly bus: Bus) {}
    async start(): Promise<void> {
      for (let index = 0; index < SUBSCRIBERS; index++) {
        await this.bus.subscribe<number>(TYPE, (event) => {
          counter.deliver(event.data);
        });
      }
    }
  }

  const manager = new PluginManager({ logger: false });
  manager.register([EventsPlugin, Publisher]);
  await manager.start();
  const bus = manager.getPlugin(Publisher)?.bus;
  if (bus === undefined) throw new Error('the publisher did not load');
  const fail = (error: unknown): void => {
    throw error;
  };
  const bench = burstBench(burst, (value) => void bus.publish(TYPE, value).catch(fail), counter);
  return { ...bench, dispose: () => manager.close() };
}

/**
 * The event bus with the in-memory transport: `burst` events published, each delivered to 10
 * subscribers, against emittery and two hand-written `queueMicrotask` fan-outs: one microtask per
 * event for all subscribers (the floor) and one per subscriber and event.
 */
export function eventBusCase(burst: number): BenchCase {
  return {
    id: `events.memory.10.burst${burst}`,
    group: 'events',
    title: `publish ${burst} event${burst === 1 ? '' : 's'} → delivered to 10 subscribers`,
    unit: 'ns',
    gateInputs: GATE_INPUTS,
    contenders: [
      {
        id: 'floor',
        label: 'hand-written',
        floor: true,
        note: 'one queueMicrotask per event that calls the 10 subscribers in turn: no envelope, no queue, no isolation',
        load: () => {
          const counter = new DeliveryCounter();
          const handlers = Array.from({ length: SUBSCRIBERS }, () => counter.deliver);
          const publish = (value: number): void => {
            queueMicrotask(() => {
              for (const handler of handlers) handler(value);
            });
          };
          return Promise.resolve(burstBench(burst, publish, counter));
        },
      },
      {
        id: 'per-subscriber',
        label: 'hand-written, per subscriber',
        note: 'one queueMicrotask per subscriber and event',
        load: () => {
          const counter = new DeliveryCounter();
          const handlers = Array.from({ length: SUBSCRIBERS }, () => counter.deliver);
          const publish = (value: number): void => {
            for (const handler of handlers)
              queueMicrotask(() => {
                handler(value);
              });
          };
          return Promise.resolve(burstBench(burst, publish, counter));
        },
      },
      {
        id: 'trellis',
        label: 'Trellis',
        note: 'EVENT_BUS of a plugin: type and payload checked, CloudEvents envelope (uuid, time), a bounded queue per subscriber',
        load: () => trellisBench(burst),
      },
      {
        id: 'emittery',
        label: 'emittery',
        load: async () => {
          const { default: Emittery } = await import('emittery');
          const counter = new DeliveryCounter();
          const emitter = new Emittery<{ e: number }>();
          for (let index = 0; index < SUBSCRIBERS; index++) {
            emitter.on('e', (event) => {
              counter.deliver(event.data);
            });
          }
          return burstBench(burst, (value) => void emitter.emit('e', value), counter);
        },
      },
    ],
  };
}
