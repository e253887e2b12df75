/** Delivery counters of one plugin (or of the whole bus). */
export interface EventCounters {
  /** Events published. */
  published: number;
  /** Handler calls that succeeded. */
  delivered: number;
  /** Handler calls that threw, rejected or timed out. */
  failed: number;
  /** Events not handed to the handler because its plugin was disabled. */
  skipped: number;
  /** Events dropped because the subscriber's queue was full. */
  dropped: number;
  /** Events given up after `maxDeliveries` failed calls. */
  deadLettered: number;
}

/** Counters of the bus as a whole and per plugin (`EventsPlugin.stats()`). */
export interface EventBusStats {
  readonly total: Readonly<EventCounters>;
  /** By plugin name. */
  readonly plugins: ReadonlyMap<string, Readonly<EventCounters>>;
  /** Subscriptions currently active. */
  readonly subscriptions: number;
  /** `'memory'` or the bound transport's class name. */
  readonly transport: string;
}
