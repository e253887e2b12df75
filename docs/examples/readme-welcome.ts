import assert from 'node:assert/strict';
import { PluginManager, hook, inject, plugin, TOKENS } from '@trellis/core';
import type { Logger, PluginConfig } from '@trellis/core';

@plugin({
  name: 'welcome',
  version: '1.0.0',
  description: 'Greets users',
  config: { greeting: { type: 'string', default: 'Welcome' } },
})
export class WelcomePlugin {
  constructor(
    @inject(TOKENS.Logger) private readonly log: Logger,
    @inject(TOKENS.Config) private readonly config: PluginConfig,
  ) {}

  @hook('user.login', { priority: 100 })
  greet(data: { username: string; greeted?: boolean }) {
    this.log.info(`${this.config.get('greeting', 'Welcome')}, ${data.username}!`);
    return { ...data, greeted: true };
  }
}

const manager = new PluginManager({ config: { welcome: { greeting: 'Hi' } }, logger: false });
manager.register(WelcomePlugin);
await manager.start();

const result = manager.trigger('user.login', { username: 'Alice' });
assert.deepEqual(result, { username: 'Alice', greeted: true });

await manager.close();
