import { hook, inject, plugin } from '@trellis/core';
import type { HookContext } from '@trellis/core';
import type { AuditEntry } from '../shared/points.js';
import { ClockToken } from './clock.plugin.js';
import type { Clock } from './clock.plugin.js';

const MAX_ENTRIES = 1000;

/** Records every `user.*` event (newest last) and answers the `demo.audit.trail` collect point. */
@plugin({ name: 'audit', version: '1.0.0', description: 'Audits every user event' })
export class AuditPlugin {
  readonly #entries: AuditEntry[] = [];

  constructor(@inject(ClockToken) private readonly clock: Clock) {}

  @hook('user.*', { priority: 'lowest' })
  record(payload: { username?: unknown }, ctx: HookContext): undefined {
    this.#entries.push({
      at: this.clock.now().toISOString(),
      event: ctx.event,
      username: typeof payload.username === 'string' ? payload.username : '',
    });
    if (this.#entries.length > MAX_ENTRIES) this.#entries.shift();
    return undefined;
  }

  @hook('demo.audit.trail')
  trail(): readonly AuditEntry[] {
    return [...this.#entries];
  }
}
