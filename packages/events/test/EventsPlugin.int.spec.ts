import { PluginManager, TrellisError, inject, plugin } from '@trellis/core';
import {
  EVENT_BUS,
  EVENT_TRANSPORT,
  EventsPlugin,
  InMemoryTransport,
  type CloudEvent,
  type EventBus,
  type EventHandlerPlugin,
} from '../src/index.js';

interface ErrorReport {
  readonly pluginName: string;
  readonly error: unknown;
}

const until = async (condition: () => boolean, what = 'condition'): Promise<void> => {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
};

const codeOf = (error: unknown): string | undefined => (TrellisError.is(error) ? error.code : undefined);

function host(config: Record<string, unknown> = {}): { manager: PluginManager; errors: ErrorReport[] } {
  const manager = new PluginManager({ logger: false, config: { 'trellis.events': config } });
  const errors: ErrorReport[] = [];
  manager.registerHook('trellis.plugin.error', (payload: ErrorReport) => {
    errors.push(payload);
  });
  return { manager, errors };
}

@plugin({ name: 'publisher' })
class Publisher {
  constructor(@inject(EVENT_BUS) readonly bus: EventBus) {}
}

@plugin({ name: 'audit' })
class Audit implements EventHandlerPlugin {
  readonly eventSubscriptions = ['user.*'];
  readonly seen: CloudEvent[] = [];
  handleEvent(event: CloudEvent): void {
    this.seen.push(event);
  }
}

describe('EventsPlugin', () => {
  describe('when a plugin publishes through its injected bus', () => {
    it('should deliver a CloudEvents envelope whose source is the publishing plugin to event-handler plugins', async () => {
      const { manager } = host();
      manager.register([Audit, EventsPlugin, Publisher]);
      await manager.start();
      const publisher = manager.getPlugin(Publisher);
      const audit = manager.getPlugin(Audit);
      const sent = await publisher?.bus.publish('user.login', { name: 'Ada' });
      await until(() => (audit?.seen.length ?? 0) === 1);
      expect(publisher?.bus.plugin).toBe('publisher');
      expect(audit?.seen[0]).toMatchObject({
        specversion: '1.0',
        id: sent?.id,
        source: 'publisher',
        type: 'user.login',
        data: { name: 'Ada' },
        deliveryCount: 1,
      });
      expect(Date.parse(audit?.seen[0]?.time ?? '')).not.toBeNaN();
      await manager.close();
    });

    it('should use the source given in the options', async () => {
      const { manager } = host();
      manager.register([EventsPlugin, Publisher, Audit]);
      await manager.start();
      await manager.getPlugin(Publisher)?.bus.publish('user.logout', null, { source: 'urn:test' });
      const audit = manager.getPlugin(Audit);
      await until(() => (audit?.seen.length ?? 0) === 1);
      expect(audit?.seen[0]?.source).toBe('urn:test');
      await manager.close();
    });
  });

  describe('when given bad input', () => {
    it('should reject publish with an invalid type, naming the plugin', async () => {
      const { manager } = host();
      manager.register([EventsPlugin, Publisher]);
      await manager.start();
      const bus = manager.getPlugin(Publisher)?.bus;
      for (const type of ['', 'user..login', 'user.*', 'has space']) {
        const error: unknown = await bus?.publish(type, {}).catch((caught: unknown) => caught);
        expect(codeOf(error)).toBe('TRELLIS_EVENT_TYPE_INVALID');
        expect((error as Error).message).toContain("'publisher'");
      }
      await manager.close();
    });

    it('should reject publish with a payload JSON cannot carry, naming the path', async () => {
      const { manager } = host();
      manager.register([EventsPlugin, Publisher]);
      await manager.start();
      const bus = manager.getPlugin(Publisher)?.bus;
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      const payloads: [unknown, string][] = [
        [{ fn: () => 1 }, 'data.fn is a function'],
        [{ at: new Date(0) }, 'data.at is a Date'],
        [{ big: 1n }, 'data.big is a bigint'],
        [cyclic, 'data.self refers back'],
        [{ list: [1, Number.NaN] }, 'data.list[1] is NaN'],
        [new Map(), 'data is a Map'],
      ];
      for (const [payload, problem] of payloads) {
        const error: unknown = await bus
          ?.publish('thing.happened', payload)
          .catch((caught: unknown) => caught);
        expect(codeOf(error)).toBe('TRELLIS_EVENT_DATA_INVALID');
        expect((error as Error).message).toContain("'publisher'");
        expect((error as Error).message).toContain(problem);
      }
      await manager.close();
    });

    it('should reject subscribe with an invalid pattern or handler, naming the plugin', async () => {
      const { manager } = host();
      manager.register([EventsPlugin, Publisher]);
      await manager.start();
      const bus = manager.getPlugin(Publisher)?.bus;
      for (const pattern of ['', 'a..b', 'a.x**', 'a b', 'a.{b']) {
        const error: unknown = await bus
          ?.subscribe(pattern, () => undefined)
          .catch((caught: unknown) => caught);
        expect(codeOf(error)).toBe('TRELLIS_EVENT_PATTERN_INVALID');
        expect((error as Error).message).toContain("'publisher'");
      }
      const notAFunction: unknown = await bus
        ?.subscribe('a.b', 'nope' as never)
        .catch((caught: unknown) => caught);
      expect(codeOf(notAFunction)).toBe('TRELLIS_EVENT_SUBSCRIBER_INVALID');
      await manager.close();
    });

    it('should report a malformed event-handler plugin and keep serving the others', async () => {
      @plugin({ name: 'broken-handler' })
      class Broken {
        readonly eventSubscriptions = ['ok.*', 'bad..pattern'];
        handleEvent(): void {}
      }
      @plugin({ name: 'no-handle' })
      class NoHandle {
        readonly eventSubscriptions = ['user.*'];
      }
      const { manager, errors } = host();
      manager.register([EventsPlugin, Broken, NoHandle, Audit, Publisher]);
      await manager.start();
      await until(() => errors.length >= 2, 'two reports');
      const reported = new Map(errors.map((report) => [report.pluginName, report.error]));
      expect(codeOf(reported.get('broken-handler'))).toBe('TRELLIS_EVENT_SUBSCRIBER_INVALID');
      expect((reported.get('broken-handler') as Error).message).toContain('eventSubscriptions[1]');
      expect((reported.get('no-handle') as Error).message).toContain('no handleEvent');
      await manager.getPlugin(Publisher)?.bus.publish('user.created', {});
      const audit = manager.getPlugin(Audit);
      await until(() => (audit?.seen.length ?? 0) === 1);
      expect(manager.getState('broken-handler')).toBe('started');
      await manager.close();
    });
  });

  describe('when a subscriber fails', () => {
    it('should report each failure through trellis.plugin.error, redeliver, then dead-letter, while others go on', async () => {
      const calls: number[] = [];
      @plugin({ name: 'flaky' })
      class Flaky implements EventHandlerPlugin {
        readonly eventSubscriptions = ['order.*'];
        handleEvent(event: CloudEvent): void {
          calls.push(event.deliveryCount ?? 0);
          throw new Error('database down');
        }
      }
      @plugin({ name: 'orders-audit' })
      class Healthy implements EventHandlerPlugin {
        readonly eventSubscriptions = ['order.*'];
        readonly seen: string[] = [];
        handleEvent(event: CloudEvent): void {
          this.seen.push(event.type);
        }
      }
      const { manager, errors } = host({ maxDeliveries: 3 });
      manager.register([EventsPlugin, Flaky, Healthy, Publisher]);
      await manager.start();
      await manager.getPlugin(Publisher)?.bus.publish('order.paid', { id: 1 });
      await manager.getPlugin(Publisher)?.bus.publish('order.shipped', { id: 1 });
      const healthy = manager.getPlugin(Healthy);
      await until(() => healthy?.seen.length === 2 && errors.length >= 8, 'failures reported');
      expect(healthy?.seen).toEqual(['order.paid', 'order.shipped']);
      expect(calls).toEqual([1, 2, 3, 1, 2, 3]);
      const codes = errors.map((report) => `${report.pluginName}:${String(codeOf(report.error))}`);
      expect(codes.filter((code) => code === 'flaky:TRELLIS_EVENT_HANDLER')).toHaveLength(6);
      expect(codes.filter((code) => code === 'flaky:TRELLIS_EVENT_DEAD_LETTER')).toHaveLength(2);
      expect((errors[0]?.error as Error).message).toMatch(
        /Plugin 'flaky' failed to handle event 'order.paid'.*database down/,
      );
      const stats = manager.getPlugin(EventsPlugin)?.stats();
      expect(stats?.plugins.get('flaky')).toMatchObject({ failed: 6, deadLettered: 2, delivered: 0 });
      expect(stats?.plugins.get('orders-audit')).toMatchObject({ delivered: 2, failed: 0 });
      expect(stats?.plugins.get('publisher')).toMatchObject({ published: 2 });
      await manager.close();
    });

    it('should time out a hanging async handler and report it', async () => {
      @plugin({ name: 'hangs' })
      class Hangs implements EventHandlerPlugin {
        readonly eventSubscriptions = ['slow.*'];
        handleEvent(): Promise<void> {
          return new Promise<void>(() => undefined);
        }
      }
      const { manager, errors } = host({ handlerTimeout: 20, maxDeliveries: 1 });
      manager.register([EventsPlugin, Hangs, Publisher]);
      await manager.start();
      await manager.getPlugin(Publisher)?.bus.publish('slow.job', {});
      await until(() => errors.length >= 2, 'timeout reported');
      expect(errors.map((report) => codeOf(report.error))).toEqual([
        'TRELLIS_EVENT_HANDLER_TIMEOUT',
        'TRELLIS_EVENT_DEAD_LETTER',
      ]);
      await manager.close();
    });

    it('should drop the oldest events of a full queue, report it once and count every drop', async () => {
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      @plugin({ name: 'stuck' })
      class Stuck implements EventHandlerPlugin {
        readonly eventSubscriptions = ['tick'];
        readonly seen: unknown[] = [];
        async handleEvent(event: CloudEvent): Promise<void> {
          await gate;
          this.seen.push(event.data);
        }
      }
      const { manager, errors } = host({ queueLimit: 3 });
      manager.register([EventsPlugin, Stuck, Publisher]);
      await manager.start();
      const bus = manager.getPlugin(Publisher)?.bus;
      await bus?.publish('tick', 0);
      await new Promise((resolve) => setTimeout(resolve, 5)); // the stuck handler now holds event 0
      for (let index = 1; index <= 10; index++) await bus?.publish('tick', index);
      release();
      const stuck = manager.getPlugin(Stuck);
      await until(() => stuck?.seen.length === 4, 'the newest events');
      expect(stuck?.seen).toEqual([0, 8, 9, 10]);
      expect(errors.map((report) => codeOf(report.error))).toEqual(['TRELLIS_EVENT_QUEUE_OVERFLOW']);
      expect(errors[0]?.pluginName).toBe('stuck');
      expect(manager.getPlugin(EventsPlugin)?.stats().plugins.get('stuck')?.dropped).toBe(7);
      await manager.close();
    });
  });

  describe('when a plugin subscribes through its bus', () => {
    it('should end its subscriptions when it stops', async () => {
      const seen: string[] = [];
      @plugin({ name: 'listener' })
      class Listener {
        constructor(@inject(EVENT_BUS) readonly bus: EventBus) {}
        async start(): Promise<void> {
          await this.bus.subscribe('news.*', (event) => {
            seen.push(event.type);
          });
        }
      }
      const { manager } = host();
      manager.register([EventsPlugin, Listener, Publisher]);
      await manager.start();
      const bus = manager.getPlugin(Publisher)?.bus;
      await bus?.publish('news.a', null);
      await until(() => seen.length === 1);
      await manager.unload('listener');
      await bus?.publish('news.b', null);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(seen).toEqual(['news.a']);
      expect(manager.getPlugin(EventsPlugin)?.stats().subscriptions).toBe(0);
      await manager.close();
    });

    it('should reject use of the bus after the events plugin stopped', async () => {
      const { manager } = host();
      manager.register([EventsPlugin, Publisher]);
      await manager.start();
      const bus = manager.getPlugin(Publisher)?.bus;
      await manager.stop();
      const error: unknown = await bus?.publish('late.event', null).catch((caught: unknown) => caught);
      expect(codeOf(error)).toBe('TRELLIS_EVENTS_NOT_READY');
      await manager.close();
    });
  });

  describe('when the host is stopped and started again', () => {
    it('should deliver to event-handler plugins again, once each', async () => {
      const { manager } = host();
      manager.register([Audit, EventsPlugin, Publisher]);
      await manager.start();
      await manager.stop();
      await manager.start();
      await manager.getPlugin(Publisher)?.bus.publish('user.login', 1);
      await manager.getPlugin(Publisher)?.bus.publish('user.login', 2);
      const audit = manager.getPlugin(Audit);
      await until(() => (audit?.seen.length ?? 0) >= 2);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(audit?.seen.map((event) => event.data)).toEqual([1, 2]);
      await manager.close();
    });
  });

  describe('when an event-handler plugin is disabled', () => {
    it('should skip its deliveries at once, and resume when it is enabled again', async () => {
      const { manager } = host();
      manager.register([EventsPlugin, Audit, Publisher]);
      await manager.start();
      const bus = manager.getPlugin(Publisher)?.bus;
      const audit = manager.getPlugin(Audit);
      manager.disablePlugin('audit');
      await bus?.publish('user.login', 1);
      await until(() => manager.getPlugin(EventsPlugin)?.stats().plugins.get('audit')?.skipped === 1);
      manager.enablePlugin('audit');
      await bus?.publish('user.login', 2);
      await until(() => (audit?.seen.length ?? 0) === 1);
      expect(audit?.seen.map((event) => event.data)).toEqual([2]);
      await manager.close();
    });
  });

  describe('when another plugin binds EVENT_TRANSPORT', () => {
    it('should use that transport whatever the registration order, and leave it open', async () => {
      class RecordingTransport extends InMemoryTransport {
        readonly published: string[] = [];
        closed = false;
        override publish(event: CloudEvent): Promise<void> {
          this.published.push(event.type);
          return super.publish(event);
        }
        override close(): Promise<void> {
          this.closed = true;
          return super.close();
        }
      }
      const transport = new RecordingTransport();
      @plugin({ name: 'trellis.redis', provides: [{ token: EVENT_TRANSPORT, useValue: transport }] })
      class FakeRedis {}
      const { manager } = host();
      manager.register([EventsPlugin, Audit, Publisher, FakeRedis]);
      await manager.start();
      await manager.getPlugin(Publisher)?.bus.publish('user.login', {});
      const audit = manager.getPlugin(Audit);
      await until(() => (audit?.seen.length ?? 0) === 1);
      expect(transport.published).toEqual(['user.login']);
      expect(manager.getPlugin(EventsPlugin)?.stats().transport).toBe('RecordingTransport');
      await manager.close();
      expect(transport.closed).toBe(false);
      await transport.close();
    });
  });

  describe('when scraped by the metrics plugin', () => {
    it('should offer counter definitions and per-plugin samples', async () => {
      const { manager } = host();
      manager.register([EventsPlugin, Publisher, Audit]);
      await manager.start();
      await manager.getPlugin(Publisher)?.bus.publish('user.login', {});
      await until(() => (manager.getPlugin(Audit)?.seen.length ?? 0) === 1);
      const events = manager.getPlugin(EventsPlugin);
      expect(events?.metricDefinitions().map((definition) => definition.name)).toContain(
        'trellis_events_published_total',
      );
      const samples = events?.collectMetrics();
      expect(samples?.trellis_events_published_total).toEqual(
        expect.arrayContaining([{ labels: { plugin: 'publisher' }, value: 1 }]),
      );
      expect(samples?.trellis_events_delivered_total).toEqual(
        expect.arrayContaining([{ labels: { plugin: 'audit' }, value: 1 }]),
      );
      await manager.close();
    });
  });
});
