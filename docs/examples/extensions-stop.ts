import assert from 'node:assert/strict';
import { ExtensionRegistry, StopPropagation, defineFilter } from '@trellis/extensions';

const Price = defineFilter<number>('cart.price');
const registry = new ExtensionRegistry();

registry.on(Price, (price) => price * 2, { priority: 'highest' });
registry.on(Price, (price, ctx) => {
  if (price > 100) ctx.stop(); // last handler to run; its own return value still applies
  return price - 10;
});
registry.on(Price, (price) => price + 1, { priority: 'low' });

assert.equal(registry.filter(Price, 10), 11); // 10 * 2 - 10 + 1
assert.equal(registry.filter(Price, 60), 110); // 60 * 2 - 10, then stopped

// ctx.stop(value): the value given wins over the handler's return value.
const Discount = defineFilter<number>('cart.discount');
registry.on(Discount, (amount, ctx) => {
  ctx.stop(0);
  return amount * 10; // ignored
});
registry.on(Discount, (amount) => amount + 5);
assert.equal(registry.filter(Discount, 3), 0);

// Throwing StopPropagation works the same way, from anywhere in the handler's call stack.
const Name = defineFilter<string>('user.display_name');
registry.on(Name, (name) => name.trim());
registry.on(Name, (name) => {
  if (name === '') throw new StopPropagation('empty name', 'anonymous');
  return undefined;
});
registry.on(Name, (name) => name.toUpperCase());
assert.equal(registry.filter(Name, '   '), 'anonymous');
assert.equal(registry.filter(Name, ' ada '), 'ADA');
