import { createCloudEvent } from '../envelope/createCloudEvent.js';
import type { CloudEvent } from './CloudEvent.js';
import { InMemoryTransport } from './InMemoryTransport.js';
import type { SubscriptionInfo } from './InMemoryTransportOptions.js';

const until = async (condition: () => boolean): Promise<void> => {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
};

const event = (n: number): CloudEvent => createCloudEvent('job.run', n, 'test');

describe('InMemoryTransport', () => {
  describe('when created with invalid options', () => {
    it('should refuse a queueLimit or maxDeliveries below 1', () => {
      expect(() => new InMemoryTransport({ queueLimit: 0 })).toThrow(/queueLimit/);
      expect(() => new InMemoryTransport({ maxDeliveries: 1.5 })).toThrow(/maxDeliveries/);
    });
  });

  describe('when a group member leaves with events waiting', () => {
    it('should hand the waiting events to the remaining member', async () => {
      const transport = new InMemoryTransport();
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const first: unknown[] = [];
      const second: unknown[] = [];
      const leave = await transport.subscribe(
        'job.*',
        async (received) => {
          first.push(received.data);
          await gate;
        },
        { group: 'workers' },
      );
      await transport.publish(event(1));
      await until(() => first.length === 1); // the first member holds event 1
      await transport.subscribe(
        'job.*',
        async (received) => {
          second.push(received.data);
          await gate;
        },
        { group: 'workers' },
      );
      await transport.publish(event(2));
      await transport.publish(event(3));
      await until(() => second.length === 1); // the second member took event 2, event 3 waits
      const leaving = leave();
      release();
      await leaving;
      await until(() => second.length === 2);
      expect(first).toEqual([1]);
      expect(second).toEqual([2, 3]);
      await transport.close();
    });
  });

  describe('when a subscriber is slower than the publisher', () => {
    it('should drop the oldest waiting event and report it with the subscriber', async () => {
      const dropped: [unknown, SubscriptionInfo][] = [];
      const transport = new InMemoryTransport({
        queueLimit: 2,
        onOverflow: (lost, info) => dropped.push([lost.data, info]),
      });
      const seen: unknown[] = [];
      const handler = (received: CloudEvent): void => {
        seen.push(received.data);
      };
      await transport.subscribe('job.run', handler);
      for (let n = 1; n <= 5; n++) void transport.publish(event(n)); // synchronously: no delivery in between
      await until(() => seen.length === 2);
      expect(seen).toEqual([4, 5]);
      expect(dropped.map(([data]) => data)).toEqual([1, 2, 3]);
      expect(dropped[0]?.[1]).toEqual({ pattern: 'job.run', group: undefined, handler });
      await transport.close();
    });
  });

  describe('when a handler keeps failing', () => {
    it('should call it maxDeliveries times, in order before later events, then dead-letter the event', async () => {
      const dead: [unknown, unknown][] = [];
      const transport = new InMemoryTransport({
        maxDeliveries: 3,
        onDeadLetter: (lost, _info, error) => dead.push([lost.data, (error as Error).message]),
      });
      const calls: string[] = [];
      await transport.subscribe('job.run', (received) => {
        calls.push(`${String(received.data)}#${String(received.deliveryCount)}`);
        if (received.data === 1) throw new Error('poison');
      });
      await transport.publish(event(1));
      await transport.publish(event(2));
      await until(() => calls.length === 4);
      expect(calls).toEqual(['1#1', '1#2', '1#3', '2#1']);
      expect(dead).toEqual([[1, 'poison']]);
      await transport.close();
    });
  });
});
