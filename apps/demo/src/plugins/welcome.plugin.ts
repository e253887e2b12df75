import { hook, inject, plugin, TOKENS } from '@trellis/core';
import type { Logger, PluginConfig } from '@trellis/core';
import type { LoginEvent } from './events.js';

/** Greets users when they log in; the greeting comes from its config section. */
@plugin({
  name: 'welcome',
  version: '1.0.0',
  description: 'Greets users',
  author: 'Ada',
  config: { greeting: { type: 'string', default: 'Welcome', description: 'First word of the greeting' } },
})
export class WelcomePlugin {
  constructor(
    @inject(TOKENS.Logger) private readonly log: Logger,
    @inject(TOKENS.Config) private readonly config: PluginConfig,
  ) {}

  @hook('user.login', { priority: 'high' })
  greet(login: LoginEvent): LoginEvent {
    const greeting = `${this.config.get('greeting', 'Welcome')}, ${login.username}!`;
    this.log.info({ username: login.username }, greeting);
    return { ...login, greeting };
  }
}
