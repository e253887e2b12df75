import { createToken } from '@trellis/core';
import type { EventTransport } from '../transport/EventTransport.js';

/**
 * Where `EventsPlugin` looks for a transport. Bind an {@link EventTransport} to it (as
 * `@trellis/redis` does) and the bus uses it instead of the in-memory one; the binder owns it
 * (`EventsPlugin` never closes it).
 */
export const EVENT_TRANSPORT = createToken<EventTransport>('trellis.events.transport');
