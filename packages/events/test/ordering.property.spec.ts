import fc from 'fast-check';
import { InMemoryTransport, compileEventPattern, createCloudEvent, type CloudEvent } from '../src/index.js';

type Command =
  | { readonly kind: 'subscribe'; readonly pattern: string; readonly async: boolean }
  | { readonly kind: 'unsubscribe'; readonly pick: number }
  | { readonly kind: 'publish'; readonly type: string }
  | { readonly kind: 'tick' };

interface Subscriber {
  readonly pattern: string;
  readonly expected: string[];
  readonly received: string[];
  active: boolean;
  off: () => Promise<void>;
}

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant('subscribe' as const),
    pattern: fc.constantFrom('a.x', 'a.*', 'a.**', 'b.x', '*.x', '**'),
    async: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('unsubscribe' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('publish' as const), type: fc.constantFrom('a.x', 'a.y', 'a.y.z', 'b.x') }),
  fc.record({ kind: fc.constant('publish' as const), type: fc.constantFrom('a.x', 'b.x') }),
  fc.record({ kind: fc.constant('tick' as const) }),
);

const settleDeliveries = async (subscribers: readonly Subscriber[]): Promise<void> => {
  const deadline = Date.now() + 5000;
  while (
    subscribers.some(
      (subscriber) => subscriber.active && subscriber.received.length < subscriber.expected.length,
    )
  ) {
    if (Date.now() > deadline) throw new Error('deliveries did not complete');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
};

describe('InMemoryTransport ordering', () => {
  describe('when publishes, subscribes and unsubscribes interleave at random', () => {
    it('should give each subscriber exactly the matching events published while it was subscribed, in publish order', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(command, { maxLength: 60 }), async (commands) => {
          const transport = new InMemoryTransport();
          const subscribers: Subscriber[] = [];
          let sequence = 0;
          for (const step of commands) {
            if (step.kind === 'subscribe') {
              const received: string[] = [];
              const handler = step.async
                ? async (event: CloudEvent): Promise<void> => {
                    await Promise.resolve();
                    received.push(event.id);
                  }
                : (event: CloudEvent): void => {
                    received.push(event.id);
                  };
              const off = await transport.subscribe(step.pattern, handler);
              subscribers.push({ pattern: step.pattern, expected: [], received, active: true, off });
            } else if (step.kind === 'unsubscribe') {
              const active = subscribers.filter((subscriber) => subscriber.active);
              const chosen = active[step.pick % Math.max(active.length, 1)];
              if (chosen !== undefined) {
                chosen.active = false;
                await chosen.off();
              }
            } else if (step.kind === 'publish') {
              const event = createCloudEvent(step.type, { n: sequence++ }, 'property');
              for (const subscriber of subscribers) {
                if (subscriber.active && compileEventPattern(subscriber.pattern).matches(step.type)) {
                  subscriber.expected.push(event.id);
                }
              }
              await transport.publish(event);
            } else {
              await new Promise((resolve) => setImmediate(resolve));
            }
          }
          await settleDeliveries(subscribers);
          for (const subscriber of subscribers) {
            if (subscriber.active) expect(subscriber.received).toEqual(subscriber.expected);
            else
              expect(subscriber.received).toEqual(subscriber.expected.slice(0, subscriber.received.length));
          }
          await transport.close();
        }),
        { numRuns: 150 },
      );
    });
  });
});
