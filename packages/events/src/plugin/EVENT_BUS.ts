import { createToken } from '@trellis/core';
import type { EventBus } from '../bus/EventBus.js';

/**
 * The event bus, consumer-scoped: each plugin that injects it gets its own {@link EventBus}, which
 * publishes with that plugin as `source` and ends its subscriptions when it stops.
 *
 * @example
 * ```ts
 * constructor(@inject(EVENT_BUS) private readonly bus: EventBus) {}
 * ```
 */
export const EVENT_BUS = createToken<EventBus>('trellis.events.bus');
