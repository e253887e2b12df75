import assert from 'node:assert/strict';
import { PluginManager, definePlugin } from '@trellis/core';
import { EVENT_BUS, EventsPlugin, type CloudEvent, type EventBus } from '@trellis/events';
import { RedisPlugin } from '@trellis/redis';
import { startRedisServer } from '@trellis/redis/testing';
import { SERVICE_REGISTRY, ServicesPlugin, type ServiceRegistry } from '@trellis/services';
import { STORAGE, StoragePlugin, type PluginStorage } from '@trellis/storage';

// A private redis-server for the example; in production: TRELLIS_REDIS_URL=redis://… (or config).
const redis = await startRedisServer();

interface Orders {
  bus: EventBus;
  registry: ServiceRegistry;
  storage: PluginStorage;
}
const OrdersPlugin = definePlugin({
  name: 'orders',
  inject: { bus: EVENT_BUS, registry: SERVICE_REGISTRY, storage: STORAGE },
});

// Two hosts, as two deployments of one service would be. Adding RedisPlugin is the only change.
async function host(): Promise<{ manager: PluginManager; orders: Orders }> {
  const manager = new PluginManager({ logger: false, config: { 'trellis.redis': { url: redis.url } } });
  manager.register([EventsPlugin, ServicesPlugin, StoragePlugin, OrdersPlugin, RedisPlugin]);
  await manager.start();
  return { manager, orders: manager.getPlugin('orders') as unknown as Orders };
}
const a = await host();
const b = await host();

// Events: the 'billing' group gets each event once across both hosts.
const billed: CloudEvent[] = [];
await a.orders.bus.subscribe('order.*', (event) => void billed.push(event), { group: 'billing' });
await b.orders.bus.subscribe('order.*', (event) => void billed.push(event), { group: 'billing' });
await a.orders.bus.publish('order.paid', { id: 42 });
while (billed.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
assert.equal(billed[0]?.deliveryCount, 1);

// Services registered on A are discovered on B; storage written on A is read on B.
await a.orders.registry.register({ name: 'orders-api', url: 'http://10.0.0.1:3000' });
assert.equal((await b.orders.registry.discover({ name: 'orders-api' })).length, 1);
await a.orders.storage.set('last-order', 42);
assert.equal(await b.orders.storage.get('last-order'), 42);

await a.manager.close(); // A's services are removed at once (a crashed host's expire within ttlMs)
assert.deepEqual(await b.orders.registry.discover({ name: 'orders-api' }), []);
await b.manager.close();
await redis.stop();
