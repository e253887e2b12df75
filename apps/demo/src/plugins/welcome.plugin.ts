import { hook, inject, plugin, TOKENS } from '@trellis/core';
import type { PluginConfig } from '@trellis/core';
import type { LoginEvent } from '../shared/points.js';

/** Greets users when they log in (`user.login` filter); the first word comes from its config. */
@plugin({
  name: 'welcome',
  version: '1.0.0',
  description: 'Greets users when they log in',
  author: 'Ada',
  config: { greeting: { type: 'string', default: 'Welcome', description: 'First word of the greeting' } },
})
export class WelcomePlugin {
  constructor(@inject(TOKENS.Config) private readonly config: PluginConfig) {}

  @hook('user.login', { priority: 'high' })
  greet(login: LoginEvent): LoginEvent {
    return { ...login, greeting: `${this.config.get('greeting', 'Welcome')}, ${login.username}!` };
  }
}
