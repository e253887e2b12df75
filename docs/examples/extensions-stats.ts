import assert from 'node:assert/strict';
import { ExtensionRegistry, defineFilter } from '@trellis/extensions';

const Price = defineFilter<number>('cart.price');
const registry = new ExtensionRegistry();
registry.on(Price, (price) => price * 0.9, { plugin: 'discounts', name: 'tenPercent' });

registry.enableStats(); // or new ExtensionRegistry({ stats: true }); no debug logs
for (let i = 0; i < 3; i++) registry.filter(Price, 100);

const entry = registry.stats().find((stats) => stats.handler === 'tenPercent');
assert.ok(entry);
assert.equal(entry.event, 'cart.price');
assert.equal(entry.plugin, 'discounts');
assert.equal(entry.calls, 3);
assert.equal(entry.errors, 0);
assert.equal(entry.meanMs, entry.totalMs / entry.calls);

registry.disableStats(); // back to the fastest dispatch; the counts stay
