import assert from 'node:assert/strict';
import { ExtensionRegistry, defineNotify } from '@trellis/extensions';

const traces: Record<string, unknown>[] = [];
const logger = {
  debug: (obj: object) => {
    traces.push(obj as Record<string, unknown>);
  },
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
const OrderPlaced = defineNotify<{ id: number }>('order.placed', { description: 'An order was paid' });
const registry = new ExtensionRegistry({ logger, tracing: true });

registry.on(OrderPlaced, function sendReceipt() {}, { plugin: 'mail' });
registry.on('order.*', function audit() {}, { plugin: 'audit', priority: 'low' });
registry.notify(OrderPlaced, { id: 1 });
registry.notify(OrderPlaced, { id: 2 });

// Every handler run is logged at debug level...
assert.deepEqual(
  traces.map(({ event, plugin, handler, outcome }) => ({ event, plugin, handler, outcome })),
  [
    { event: 'order.placed', plugin: 'mail', handler: 'sendReceipt', outcome: 'ok' },
    { event: 'order.placed', plugin: 'audit', handler: 'audit', outcome: 'ok' },
    { event: 'order.placed', plugin: 'mail', handler: 'sendReceipt', outcome: 'ok' },
    { event: 'order.placed', plugin: 'audit', handler: 'audit', outcome: 'ok' },
  ],
);
// ...and counted per handler.
assert.deepEqual(
  registry.stats().map(({ handler, calls, errors }) => ({ handler, calls, errors })),
  [
    { handler: 'sendReceipt', calls: 2, errors: 0 },
    { handler: 'audit', calls: 2, errors: 0 },
  ],
);

// describe() lists points with their handlers in dispatch order; owners can be switched off.
registry.disableOwner('audit');
const [placed] = registry.describe();
assert.equal(placed?.name, 'order.placed');
assert.equal(placed.kind, 'notify');
assert.deepEqual(
  placed.handlers.map(({ plugin, enabled }) => ({ plugin, enabled })),
  [
    { plugin: 'mail', enabled: true },
    { plugin: 'audit', enabled: false },
  ],
);
assert.deepEqual(registry.events(), ['order.placed', 'order.*']);
