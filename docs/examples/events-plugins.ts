import assert from 'node:assert/strict';
import { PluginManager, TrellisError, inject, plugin } from '@trellis/core';
import {
  EVENT_BUS,
  EventsPlugin,
  type CloudEvent,
  type EventBus,
  type EventHandlerPlugin,
} from '@trellis/events';

// Publishes through its own bus: events carry source 'orders'.
@plugin({ name: 'orders', version: '1.0.0' })
class OrdersPlugin {
  constructor(@inject(EVENT_BUS) private readonly bus: EventBus) {}

  async pay(orderId: number): Promise<string> {
    const event = await this.bus.publish('order.paid', { orderId, currency: 'EUR' });
    return event.id;
  }
}

// An event-handler plugin: found by its two members, no import of the bus needed.
@plugin({ name: 'audit', version: '1.0.0' })
class AuditPlugin implements EventHandlerPlugin {
  readonly eventSubscriptions = ['order.*'];
  readonly trail: string[] = [];

  handleEvent(event: CloudEvent): void {
    this.trail.push(`${event.source}:${event.type}`);
  }
}

// Subscribes in start(); its subscriptions end when it stops. Members of one group share the work.
@plugin({ name: 'mailer', version: '1.0.0' })
class MailerPlugin {
  readonly sent: number[] = [];
  constructor(@inject(EVENT_BUS) private readonly bus: EventBus) {}

  async start(): Promise<void> {
    await this.bus.subscribe<{ orderId: number }>(
      'order.**',
      async (event) => {
        await Promise.resolve(); // e.g. call the mail server
        this.sent.push(event.data.orderId);
      },
      { group: 'mailers' },
    );
  }
}

const manager = new PluginManager({ logger: false, config: { 'trellis.events': { queueLimit: 1000 } } });
manager.register([EventsPlugin, OrdersPlugin, AuditPlugin, MailerPlugin]);
await manager.start();

const orders = manager.getPlugin(OrdersPlugin);
assert.ok(orders);
await orders.pay(42);
await orders.pay(43);

// Delivery is asynchronous: wait until both subscribers have seen both events.
const audit = manager.getPlugin(AuditPlugin);
const mailer = manager.getPlugin(MailerPlugin);
while ((audit?.trail.length ?? 0) < 2 || (mailer?.sent.length ?? 0) < 2) {
  await new Promise((resolve) => setTimeout(resolve, 1));
}
assert.deepEqual(audit?.trail, ['orders:order.paid', 'orders:order.paid']);
assert.deepEqual(mailer?.sent, [42, 43]); // in publish order

// Bad input is refused with an error that names the plugin.
const refused: unknown = await orders.pay(Number.NaN).catch((error: unknown) => error);
assert.ok(TrellisError.is(refused, 'TRELLIS_EVENT_DATA_INVALID'));
assert.match((refused as Error).message, /Plugin 'orders' published 'order.paid'.*data.orderId is NaN/);

assert.equal(manager.getPlugin(EventsPlugin)?.stats().total.published, 2);
await manager.close();
