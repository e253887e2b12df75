import assert from 'node:assert/strict';
import { PluginManager, createToken, definePlugin, hook, inject, plugin } from '@trellis/core';

// A service contract and the token plugins use to ask for it.
interface Greeter {
  greet(name: string): string;
}
const GreeterToken = createToken<Greeter>('example.greeter');

// A plugin that provides the service to others.
@plugin({
  name: 'greeter',
  version: '1.2.0',
  config: { punctuation: { type: 'string', default: '!', enum: ['!', '.'] } },
  provides: [{ token: GreeterToken, useValue: { greet: (name: string) => `Hello, ${name}` } }],
})
class GreeterPlugin {}

// A plugin that injects the token: Trellis makes 'greeter' its dependency automatically.
@plugin({ name: 'login', version: '1.0.0' })
class LoginPlugin {
  constructor(@inject(GreeterToken) private readonly greeter: Greeter) {}

  @hook('user.login')
  onLogin(event: { username: string; message?: string }) {
    return { ...event, message: this.greeter.greet(event.username) };
  }
}

// The same idea without decorators, for JavaScript users.
const Shout = definePlugin({
  name: 'shout',
  version: '1.0.0',
  dependencies: { login: '^1.0.0' },
  hooks: [
    {
      on: 'user.login',
      priority: 'low',
      handler: (event: { username: string; message?: string }) => ({
        ...event,
        message: event.message?.toUpperCase(),
      }),
    },
  ],
});

const manager = new PluginManager({ logger: false });
manager.register([Shout, LoginPlugin, GreeterPlugin]);

const report = await manager.start();
assert.deepEqual(report.started, ['greeter', 'login', 'shout']); // dependencies first
assert.deepEqual(manager.trigger('user.login', { username: 'Ada' }), {
  username: 'Ada',
  message: 'HELLO, ADA',
});
assert.equal(manager.getState('login'), 'started');

await manager.close(); // stops in reverse order, then unloads
assert.equal(manager.getState('greeter'), 'unloaded');
