import { EventValidationError } from '../errors/EventValidationError.js';
import { describePatternProblem } from '../patterns/describePatternProblem.js';
import type { EventSubscriptionSpec } from './EventHandlerPlugin.js';

/** A validated subscription of an event-handler plugin. Internal. */
export interface DeclaredSubscription {
  readonly pattern: string;
  readonly group: string | undefined;
}

/**
 * The subscriptions a plugin instance declares, `undefined` when it is not an event-handler plugin
 * (no `eventSubscriptions`); throws {@link EventValidationError} naming the plugin when they are
 * malformed or `handleEvent` is missing. Internal.
 */
export function readEventSubscriptions(plugin: string, instance: object): DeclaredSubscription[] | undefined {
  const declared = (instance as { eventSubscriptions?: unknown }).eventSubscriptions;
  if (declared === undefined) return undefined;
  const fail = (problem: string): never => {
    throw new EventValidationError(`Event-handler plugin '${plugin}' is malformed: ${problem}.`, {
      code: 'TRELLIS_EVENT_SUBSCRIBER_INVALID',
      plugin,
    });
  };
  if (typeof (instance as { handleEvent?: unknown }).handleEvent !== 'function') {
    fail('it declares eventSubscriptions but has no handleEvent(event) method');
  }
  if (!Array.isArray(declared)) fail('eventSubscriptions must be an array of patterns');
  return (declared as unknown[]).map((entry: unknown, index) => {
    const spec = entry as EventSubscriptionSpec | null;
    const pattern =
      typeof spec === 'string' ? spec : typeof spec === 'object' && spec !== null ? spec.pattern : undefined;
    const group = typeof spec === 'object' && spec !== null ? spec.group : undefined;
    const problem = describePatternProblem(pattern);
    if (problem !== undefined) {
      fail(`eventSubscriptions[${index}] is not a valid pattern (${problem}); use e.g. 'order.*'`);
    }
    if (group !== undefined && (typeof group !== 'string' || group.length === 0)) {
      fail(`eventSubscriptions[${index}].group must be a non-empty string`);
    }
    return { pattern: pattern as string, group };
  });
}
