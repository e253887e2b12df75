import type { PluginManager } from '@trellis/core';
import type { CapturedEvents, CapturedEventsAccess } from './CapturedEvents.js';
import type { CapturedLog } from './CapturedLog.js';

/**
 * A started {@link PluginManager} with what it logged and dispatched. Closed by `await using` (or
 * `await host.close()`).
 */
export type TestHost = PluginManager & {
  /** Every log line, parsed, oldest first. */
  readonly logs: CapturedLog[];
  /** Lifecycle events (and any other captured notify events), by name. */
  readonly events: CapturedEvents & CapturedEventsAccess;
};
