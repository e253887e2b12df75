import assert from 'node:assert/strict';
import {
  ExtensionRegistry,
  defineCollect,
  defineFilter,
  defineMiddleware,
  defineNotify,
} from '@trellis/extensions';

interface User {
  name: string;
  email: string;
  checked?: boolean;
}

// Points are typed names: the types flow into handlers and dispatch results.
const BeforeSave = defineFilter<User>('db.before_save', { description: 'Validate/transform a user' });
const UserLogin = defineNotify<{ username: string }>('user.login');
const Health = defineCollect<void, { check: string; ok: boolean }>('health.check');
const Request = defineMiddleware<{ path: string }, string>('http.request');

const registry = new ExtensionRegistry();

// filter: each handler may return a replacement value; undefined keeps the current one.
registry.on(BeforeSave, (user) => ({ ...user, email: user.email.toLowerCase() }));
registry.on(BeforeSave, (user) => ({ ...user, checked: true }), { priority: 'low' });
registry.on(BeforeSave, () => undefined);
assert.deepEqual(registry.filter(BeforeSave, { name: 'Ada', email: 'ADA@EXAMPLE.ORG' }), {
  name: 'Ada',
  email: 'ada@example.org',
  checked: true,
});

// notify: every handler gets the same payload; results are ignored.
const logins: string[] = [];
const off = registry.on(UserLogin, (event) => {
  logins.push(event.username);
});
registry.notify(UserLogin, { username: 'alice' });
off(); // on() returns the function that removes this registration
registry.notify(UserLogin, { username: 'bob' });
assert.deepEqual(logins, ['alice']);

// collect: the non-undefined results, in handler order; the async form awaits async handlers.
registry.on(Health, () => ({ check: 'db', ok: true }));
registry.on(Health, async () => ({ check: 'cache', ok: await Promise.resolve(false) }));
assert.deepEqual(await registry.collectAsync(Health, undefined), [
  { check: 'db', ok: true },
  { check: 'cache', ok: false },
]);

// middleware: an onion around a terminal function, highest priority outermost.
registry.on(Request, async (ctx, next) => `[${await next()}]`, { priority: 'high' });
registry.on(Request, async (ctx, next) => (ctx.path === '/secret' ? 'denied' : next()));
assert.equal(await registry.run(Request, { path: '/home' }, (ctx) => `page ${ctx.path}`), '[page /home]');
assert.equal(await registry.run(Request, { path: '/secret' }, (ctx) => `page ${ctx.path}`), '[denied]');
