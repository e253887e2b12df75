import { effectiveTimeout } from '../handlers/effectiveTimeout.js';
import type { PointKind, PointMode } from '../points/ExtensionPoint.js';
import type { Registration } from '../registry/Registration.js';
import type { DispatchPlan } from './DispatchPlan.js';
import type { HandlerContext } from './HandlerContext.js';
import { PlanSection, type PlanHandler, type SyncRunner } from './PlanSection.js';

/** Inputs of {@link compilePlan}. */
export interface CompilePlanInput {
  readonly event: string;
  /** `event` split at dots (for wildcard matching when the registry changes). */
  readonly segments: readonly string[];
  /** The kind a typed point claimed for `event`, if any. */
  readonly kind: PointKind | undefined;
  /** The mode a typed point declared for `event`, if any. */
  readonly mode: PointMode | undefined;
  /** The kind of dispatch the plan serves. */
  readonly dispatchKind: PointKind;
  /** The enabled handlers that match `event` and join `dispatchKind`, already in dispatch order. */
  readonly regs: readonly Registration[];
  readonly defaultTimeout: number | undefined;
  readonly tracing: boolean;
  /**
   * Only counting stats (no trace logs): synchronous sections without per-handler features stay
   * plain and their generated runners count (see `PlanSection.counted`).
   */
  readonly countOnly: boolean;
  /** Reusable contexts of exact-name registrations, kept across recompilations. */
  readonly contextOf: (reg: Registration) => HandlerContext;
  /**
   * Under the registry's `strict` option: what a synchronous dispatch runs in place of an async
   * handler (a function that throws, so that the skip is a failure for the error strategy).
   */
  readonly skipFailure: ((reg: Registration) => PlanHandler) | undefined;
  /** What every synchronous dispatch of an `async`-mode point runs: it throws. */
  readonly asyncOnly: (() => SyncRunner) | undefined;
}

const isAsync = (reg: Registration): boolean => reg.declaredAsync || reg.returnsPromise;

const isPlain = (
  regs: readonly Registration[],
  defaultTimeout: number | undefined,
  tracing: boolean,
): boolean =>
  !tracing &&
  regs.every(
    (reg) => effectiveTimeout(reg.timeout, defaultTimeout) === undefined && reg.retries === 0 && !reg.once,
  );

/** The synchronous section: async handlers left out (or, under `strict`, replaced by a failure). */
function syncSection(input: CompilePlanInput, all: PlanSection, contexts: HandlerContext[]): PlanSection {
  const { event, regs, defaultTimeout, skipFailure } = input;
  const tracing = input.tracing && !input.countOnly;
  const asyncOnly = input.asyncOnly;
  if (asyncOnly !== undefined) {
    const section = new PlanSection(event, input.dispatchKind, [], [], defaultTimeout, true, false);
    const refuse = asyncOnly();
    section.filterRunner = refuse;
    section.notifyRunner = refuse;
    section.collectRunner = refuse;
    return section;
  }
  if (!regs.some(isAsync)) return all;
  if (skipFailure !== undefined) {
    return counted(
      input,
      new PlanSection(
        event,
        input.dispatchKind,
        regs,
        contexts,
        defaultTimeout,
        isPlain(regs, defaultTimeout, tracing),
        true,
        regs.map((reg) => (isAsync(reg) ? skipFailure(reg) : (reg.handler as unknown as PlanHandler))),
      ),
    );
  }
  const syncRegs = regs.filter((reg) => !isAsync(reg));
  return counted(
    input,
    new PlanSection(
      event,
      input.dispatchKind,
      syncRegs,
      contexts.filter((_ctx, k) => !isAsync(regs[k] as Registration)),
      defaultTimeout,
      isPlain(syncRegs, defaultTimeout, tracing),
      !regs.some((reg) => isAsync(reg) && !reg.warned),
    ),
  );
}

/** Marks a section whose dispatches count stats in their generated runners. */
function counted(input: CompilePlanInput, section: PlanSection): PlanSection {
  if (input.countOnly && section.plain) section.counted = true;
  return section;
}

/** Builds the immutable dispatch plan of one concrete event name and dispatch kind. */
export function compilePlan(input: CompilePlanInput): DispatchPlan {
  const { event, regs, defaultTimeout, tracing } = input;
  const contexts = regs.map((reg) => input.contextOf(reg));
  const all = counted(
    input,
    new PlanSection(
      event,
      input.dispatchKind,
      regs,
      regs.map((reg, k) => (isAsync(reg) ? undefined : contexts[k])),
      defaultTimeout,
      isPlain(regs, defaultTimeout, tracing && !input.countOnly),
      true,
    ),
  );
  const skipped =
    input.asyncOnly === undefined && input.skipFailure === undefined
      ? regs.filter((reg) => isAsync(reg) && !reg.warned)
      : [];
  return {
    event,
    segments: input.segments,
    kind: input.kind,
    all,
    // Without asynchronous handlers both sections hold the same handlers and contexts: one object
    // serves both (its synchronous and asynchronous runners are separate fields).
    sync: syncSection(input, all, contexts),
    pendingWarnings: skipped.length > 0 ? Object.freeze(skipped) : undefined,
    tracing,
  };
}
