/**
 * Payloads of the events a test host saw, kept by event name in dispatch order:
 * `host.events['trellis.plugin.started']` or `host.events.get('trellis.plugin.started')`.
 */
export interface CapturedEvents {
  readonly [event: string]: readonly unknown[] | undefined;
}

/** Read access to {@link CapturedEvents} that never returns `undefined`. */
export interface CapturedEventsAccess {
  /** The payloads seen for `event`, oldest first (empty when none). */
  get(event: string): readonly unknown[];
  /** The event names seen, in order of first sight. */
  names(): string[];
}

/** A store of captured events: plain properties by name, plus `get` and `names` that do not enumerate. */
export function createCapturedEvents(): {
  readonly events: CapturedEvents & CapturedEventsAccess;
  readonly record: (event: string, payload: unknown) => void;
} {
  // Null prototype: an event named `constructor` or `toString` is an event like any other.
  const byName = Object.create(null) as Record<string, unknown[]>;
  const order: string[] = [];
  const events = Object.create(null) as CapturedEvents & CapturedEventsAccess;
  Object.defineProperties(events, {
    get: { value: (event: string): readonly unknown[] => byName[event] ?? [], enumerable: false },
    names: { value: (): string[] => [...order], enumerable: false },
  });
  const record = (event: string, payload: unknown): void => {
    let list = byName[event];
    if (list === undefined) {
      list = [];
      byName[event] = list;
      order.push(event);
      Object.defineProperty(events, event, { value: list, enumerable: true });
    }
    list.push(payload);
  };
  return { events, record };
}
