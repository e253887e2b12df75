import assert from 'node:assert/strict';
import { ExtensionRegistry } from '@trellis/extensions';

const registry = new ExtensionRegistry();
const seen: string[] = [];
const record = (label: string) => (_payload: unknown, ctx: { event: string }) => {
  seen.push(`${label} (${ctx.event})`);
};

// Higher priority first ('highest' 100, 'high' 75, 'normal' 50, 'low' 25, 'lowest' 0, or any
// number); equal priorities keep registration order; exact and wildcard handlers share one order.
registry.on('user.login', record('exact'));
registry.on('user.*', record('one segment'), { priority: 'high' });
registry.on('user.**', record('any depth'));
registry.on('*.{login,logout}', record('either'), { priority: 10 });

registry.notify('user.login', {});
assert.deepEqual(seen, [
  'one segment (user.login)',
  'exact (user.login)',
  'any depth (user.login)',
  'either (user.login)',
]);

// `*` stays within one segment, `**` spans several; dispatch names are always literal.
seen.length = 0;
registry.notify('user.profile.update', {});
registry.notify('user', {});
assert.deepEqual(seen, ['any depth (user.profile.update)']);
assert.equal(registry.hasHandlers('admin.logout'), true);
assert.equal(registry.hasHandlers('admin.login.failed'), false);
