import type { PointKind } from '../points/ExtensionPoint.js';
import { effectiveTimeout } from '../handlers/effectiveTimeout.js';
import type { Registration } from '../registry/Registration.js';
import type { ErrorStrategy } from '../registry/ErrorStrategy.js';
import type { HandlerContext } from './HandlerContext.js';

/** A handler as the dispatch loops call it. */
export type PlanHandler = (value: unknown, ctx: HandlerContext) => unknown;

/** One handler of a plan, bound to the plan's concrete event. */
export interface PlanEntry {
  readonly reg: Registration;
  readonly fn: PlanHandler;
  /** The handler's reusable context on this event (only its `event` is read where runs get a fresh one). */
  readonly ctx: HandlerContext;
  /** Effective time limit (own or registry default). */
  readonly timeout: number | undefined;
}

/** A synchronous dispatch specialised for one section and mode. */
export type SyncRunner = (input: unknown, strategy: ErrorStrategy) => unknown;
/** An asynchronous dispatch specialised for one section and mode. */
export type AsyncRunner = (input: unknown, strategy: ErrorStrategy) => Promise<unknown>;

/**
 * The handlers of one dispatch mode (synchronous or asynchronous) of a plan, with the arrays the
 * plain loops iterate and the specialised runners generated once the section is hot.
 *
 * Per handler it holds only array slots: the {@link PlanEntry} objects the failure paths and the
 * general loops use are created on first use ({@link PlanSection.entries}).
 */
export class PlanSection {
  /** The concrete event name of the plan. */
  readonly event: string;
  /** The dispatch kind of the plan (what `ctx.kind` tells handlers). */
  readonly kind: PointKind;
  readonly regs: readonly Registration[];
  readonly fns: readonly PlanHandler[];
  /**
   * The reusable context of each handler; `undefined` where a fresh context is needed per run
   * (handlers known to be asynchronous, whose `stop()` may come after an `await` while other runs
   * overlap).
   */
  readonly ctxs: readonly (HandlerContext | undefined)[];
  /** The registry's default time limit when the plan was compiled. */
  readonly defaultTimeout: number | undefined;
  /** No entry needs timeouts, retries, `once` or tracing: the plain loops and runners apply. */
  readonly plain: boolean;
  /**
   * Stats are counted without tracing: synchronous dispatches count calls and errors in the
   * generated runner (or the plain loops over counting wrappers), asynchronous ones in the
   * generated runner and the plain series loops (which count each call they make), and both time a
   * sample of dispatches (`STATS_SAMPLE_EVERY`) through the general loops.
   */
  counted = false;
  /**
   * While counting, what the plain loops run (the handlers wrapped to count, see
   * `countingSection`) and the sampling state of the loops' timed dispatches. Made on first use.
   */
  countingLoop: { readonly section: PlanSection; wait: number; every: number } | undefined = undefined;
  /** Middleware runs left until the next timed one while counting (see `takeSample`). */
  sampleWait = 1;
  /** The gap after the next timed middleware run: doubles up to `STATS_SAMPLE_EVERY`. */
  sampleEvery = 1;
  /** Asynchronous dispatches through the plain loops left until the next timed one while counting. */
  asyncSampleWait = 1;
  /** The gap after the next timed asynchronous loop dispatch: doubles up to `STATS_SAMPLE_EVERY`. */
  asyncSampleEvery = 1;
  /** Dispatches through the plain loops so far (drives runner generation). */
  hits = 0;
  /** Generation failed or is not worth it (code generation disallowed, too many handlers). */
  noRunners = false;
  filterRunner: SyncRunner | undefined = undefined;
  notifyRunner: SyncRunner | undefined = undefined;
  collectRunner: SyncRunner | undefined = undefined;
  filterAsyncRunner: AsyncRunner | undefined = undefined;
  notifyAsyncRunner: AsyncRunner | undefined = undefined;
  collectAsyncRunner: AsyncRunner | undefined = undefined;
  #entries: readonly PlanEntry[] | undefined = undefined;

  /**
   * @param ctxs - the reusable context of each handler, `undefined` where a fresh one is made per run.
   * @param fns - what runs for each registration (default its handler; a synchronous section under
   *   `strict` runs a failure in place of an async handler).
   * @param presetEmpty - install the trivial runners when there are no entries (not when the
   *   first dispatch still has warnings to log).
   */
  constructor(
    event: string,
    kind: PointKind,
    regs: readonly Registration[],
    ctxs: readonly (HandlerContext | undefined)[],
    defaultTimeout: number | undefined,
    plain: boolean,
    presetEmpty: boolean,
    fns?: readonly PlanHandler[],
  ) {
    // Not frozen, only typed read-only: the optimising compiler of Node 20 does not inline indexed
    // loads from frozen arrays where the receiver varies (the asynchronous continuation), so each
    // `fns[i]` / `ctxs[i]` became a generic keyed-load call (about 10 ns per handler).
    this.event = event;
    this.kind = kind;
    this.regs = regs;
    this.fns = fns ?? regs.map((reg) => reg.handler as unknown as PlanHandler);
    this.ctxs = ctxs;
    this.defaultTimeout = defaultTimeout;
    this.plain = plain;
    if (plain && presetEmpty && regs.length === 0) {
      this.filterRunner = identity;
      this.notifyRunner = nothing;
      this.collectRunner = emptyList;
      this.filterAsyncRunner = resolvedIdentity;
      this.notifyAsyncRunner = resolvedNothing;
      this.collectAsyncRunner = resolvedEmptyList;
    }
  }

  /** One entry per handler, in order (created on first use). */
  get entries(): readonly PlanEntry[] {
    return (this.#entries ??= this.regs.map((reg, k): PlanEntry => ({
      reg,
      fn: this.fns[k] as PlanHandler,
      ctx: this.ctxs[k] ?? reg.contextFor(this.event, this.kind),
      timeout: effectiveTimeout(reg.timeout, this.defaultTimeout),
    })));
  }
}

const identity: SyncRunner = (input) => input;
const nothing: SyncRunner = () => undefined;
const emptyList: SyncRunner = () => [];
const resolvedIdentity: AsyncRunner = (input) => Promise.resolve(input);
const resolvedNothing: AsyncRunner = () => Promise.resolve(undefined);
const resolvedEmptyList: AsyncRunner = () => Promise.resolve([]);
