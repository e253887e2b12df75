import type { PointKind } from '../points/ExtensionPoint.js';
import type { Registration } from '../registry/Registration.js';
import type { PlanSection } from './PlanSection.js';

export type { PlanEntry, PlanHandler } from './PlanSection.js';
export type { PlanSection };

/**
 * The compiled dispatch of one concrete event name: the enabled handlers (exact and wildcard) in
 * order, split for synchronous and asynchronous dispatch. Immutable except for `kind` (claimed by
 * the first typed use), `pendingWarnings` and the sections' generated runners; any registry change
 * affecting the name replaces it.
 */
export interface DispatchPlan {
  readonly event: string;
  /** `event` split at dots (for wildcard matching when the registry changes). */
  readonly segments: readonly string[];
  kind: PointKind | undefined;
  /** Every enabled handler, for `…Async`, `run` and `hasHandlers`. */
  readonly all: PlanSection;
  /** The handlers synchronous dispatchers call (async-declared and promise-returning ones left out). */
  readonly sync: PlanSection;
  /** Handlers left out of `sync` whose skip has not been warned about yet. */
  pendingWarnings: readonly Registration[] | undefined;
  /** Tracing was on when the plan was compiled. */
  readonly tracing: boolean;
}
