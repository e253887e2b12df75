import type { PointKind } from '../points/ExtensionPoint.js';
import type { Registration } from '../registry/Registration.js';
import type { HandlerContext } from './HandlerContext.js';

/** A handler as the dispatch loops call it. */
export type PlanHandler = (value: unknown, ctx: HandlerContext) => unknown;

/** One handler of a plan, bound to the plan's concrete event. */
export interface PlanEntry {
  readonly reg: Registration;
  readonly fn: PlanHandler;
  /** Reused for every fast-path run of this handler on this event. */
  readonly ctx: HandlerContext;
  /** Effective time limit (own or registry default). */
  readonly timeout: number | undefined;
}

/** The entries of one dispatch mode, with the arrays the fast loops iterate. */
export interface PlanSection {
  readonly entries: readonly PlanEntry[];
  readonly fns: readonly PlanHandler[];
  /**
   * The reusable context of each entry; `undefined` where a fresh context is needed per run (handlers
   * known to be asynchronous, whose `stop()` may come after an `await` while other runs overlap).
   */
  readonly ctxs: readonly (HandlerContext | undefined)[];
  /** No entry needs timeouts, retries, `once` or tracing: the plain loops apply. */
  readonly plain: boolean;
}

/**
 * The compiled dispatch of one concrete event name: the enabled handlers (exact and wildcard) in
 * order, split for synchronous and asynchronous dispatch. Immutable except for `kind` (claimed by
 * the first typed use) and `pendingWarnings`; any registry change affecting the name replaces it.
 */
export interface DispatchPlan {
  readonly event: string;
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
