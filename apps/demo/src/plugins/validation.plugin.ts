import { hook, plugin } from '@trellis/core';
import type { HookContext, PluginContext } from '@trellis/core';
import type { User } from '../shared/points.js';

const emailPattern = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const usernamePattern = /^[A-Za-z0-9._-]+$/;

/** Normalises users before they are saved (`db.before_save`) and stops the chain for invalid ones. */
@plugin({
  name: 'validation',
  version: '1.2.0',
  description: 'Validates and normalises users before they are saved',
  config: { minUsernameLength: { type: 'integer', default: 3, min: 1, max: 64 } },
})
export class ValidationPlugin {
  #minLength = 3;

  initialize(ctx: PluginContext): void {
    this.#minLength = ctx.config.get('minUsernameLength', 3);
  }

  @hook('db.before_save', { priority: 'highest' })
  normalise(user: User): User {
    return { ...user, username: user.username.trim(), email: user.email.trim().toLowerCase() };
  }

  @hook('db.before_save', { priority: 'high' })
  validate(user: User, ctx: HookContext): User | undefined {
    const problems: string[] = [];
    if (user.username.length < this.#minLength) {
      problems.push(`username must have at least ${this.#minLength} characters`);
    } else if (!usernamePattern.test(user.username)) {
      problems.push('username may only hold letters, digits, dots, dashes and underscores');
    }
    if (!emailPattern.test(user.email)) problems.push(`'${user.email}' is not an email address`);
    if (problems.length > 0) {
      ctx.stop({ ...user, valid: false, problems });
      return undefined;
    }
    return { ...user, valid: true };
  }
}
