import assert from 'node:assert/strict';
import { ExtensionRegistry, HookTimeoutError, defineFilter } from '@trellis/extensions';

const Enrich = defineFilter<{ id: number; profile?: string }>('user.enrich');
const registry = new ExtensionRegistry({ errorStrategy: 'fail-fast' });

// An async handler past its timeout is abandoned: its ctx.signal is aborted first, then the
// dispatch sees a HookTimeoutError. A handler that honours the signal stops its own work.
let aborted = false;
const off = registry.on(
  Enrich,
  (user, ctx) =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        resolve({ ...user, profile: 'too late' });
      }, 10_000);
      ctx.signal.addEventListener('abort', () => {
        aborted = true;
        clearTimeout(timer);
      });
    }),
  { timeout: 20, plugin: 'profiles' },
);
await assert.rejects(registry.filterAsync(Enrich, { id: 1 }), (error: unknown) => {
  assert.ok(error instanceof HookTimeoutError);
  assert.equal(error.timeout, 20);
  assert.equal(error.plugin, 'profiles');
  return true;
});
assert.equal(aborted, true);
off();

// retries: a failing run is repeated up to n times before it counts as failed.
let attempts = 0;
registry.on(
  Enrich,
  (user) => {
    attempts++;
    if (attempts < 3) throw new Error('flaky backend');
    return { ...user, profile: `after ${attempts} attempts` };
  },
  { retries: 2 },
);
assert.deepEqual(await registry.filterAsync(Enrich, { id: 2 }), { id: 2, profile: 'after 3 attempts' });

// once: removed after its first run.
registry.on('app.ready', () => 'first', { once: true });
assert.deepEqual(registry.collect('app.ready'), ['first']);
assert.deepEqual(registry.collect('app.ready'), []);
