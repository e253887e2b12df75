import { hook, inject, plugin } from '@trellis/core';
import type { HookContext } from '@trellis/core';
import { ClockToken } from './clock.plugin.js';
import type { Clock } from './clock.plugin.js';

/** One line of the audit trail. */
export interface AuditEntry {
  at: string;
  event: string;
  detail: string;
}

/** Records every `user.*` event; depends on the clock because it injects its token. */
@plugin({
  name: 'audit',
  version: '1.0.0',
  description: 'Audits every user event',
  dependencies: { welcome: '^1.0.0' },
})
export class AuditPlugin {
  readonly #entries: AuditEntry[] = [];

  constructor(@inject(ClockToken) private readonly clock: Clock) {}

  @hook('user.*', { priority: 'lowest' })
  record(payload: { username?: string }, ctx: HookContext): undefined {
    this.#entries.push({
      at: this.clock.now().toISOString(),
      event: ctx.event,
      detail: payload.username ?? '',
    });
    return undefined;
  }

  /** The audit trail so far, oldest first. */
  entries(): readonly AuditEntry[] {
    return this.#entries;
  }
}
