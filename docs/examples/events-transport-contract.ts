import { InMemoryTransport } from '@trellis/events';
import { transportContract } from '@trellis/events/contract';

// With Jest, Vitest or node:test: for (const c of transportContract(make)) it(c.name, c.run);
const cases = transportContract(() => Promise.resolve(new InMemoryTransport()), {
  timeoutMs: 5000, // how long a case waits for an expected delivery
  settleMs: 50, // how long it waits to be sure an unwanted delivery does not come
  redelivery: true, // the transport redelivers an event whose handler threw
});
for (const contractCase of cases) await contractCase.run(); // each throws an AssertionError on failure
