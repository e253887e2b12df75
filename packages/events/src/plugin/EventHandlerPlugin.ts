import type { CloudEvent } from '../transport/CloudEvent.js';

/** One entry of {@link EventHandlerPlugin.eventSubscriptions}: a pattern, optionally in a group. */
export type EventSubscriptionSpec = string | { readonly pattern: string; readonly group?: string };

/**
 * An event-handler plugin: `EventsPlugin` finds it among the started plugins by these two members
 * and delivers every event matching one of `eventSubscriptions` to `handleEvent`, from the moment
 * it has started until it stops.
 *
 * @example
 * ```ts
 * @plugin({ name: 'audit' })
 * class AuditPlugin implements EventHandlerPlugin {
 *   readonly eventSubscriptions = ['user.*', { pattern: 'order.**', group: 'audit' }];
 *   handleEvent(event: CloudEvent) { this.log.push(event.type); }
 * }
 * ```
 */
export interface EventHandlerPlugin {
  readonly eventSubscriptions: readonly EventSubscriptionSpec[];
  handleEvent(event: CloudEvent): void | Promise<void>;
}
