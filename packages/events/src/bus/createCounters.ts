import type { EventCounters } from './EventBusStats.js';

/** A zeroed set of counters. Internal. */
export const createCounters = (): EventCounters => ({
  published: 0,
  delivered: 0,
  failed: 0,
  skipped: 0,
  dropped: 0,
  deadLettered: 0,
});
