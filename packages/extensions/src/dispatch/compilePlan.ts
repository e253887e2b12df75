import type { PointKind } from '../points/ExtensionPoint.js';
import type { Registration } from '../registry/Registration.js';
import type { DispatchPlan, PlanEntry, PlanHandler } from './DispatchPlan.js';
import { PlanSection } from './PlanSection.js';
import type { HandlerContext } from './HandlerContext.js';

/** Inputs of {@link compilePlan}. */
export interface CompilePlanInput {
  readonly event: string;
  /** `event` split at dots (for wildcard matching when the registry changes). */
  readonly segments: readonly string[];
  readonly kind: PointKind | undefined;
  /** The enabled handlers that match `event`, already in dispatch order. */
  readonly regs: readonly Registration[];
  readonly defaultTimeout: number | undefined;
  readonly tracing: boolean;
  /** Reusable contexts of exact-name registrations, kept across recompilations. */
  readonly contextOf: (reg: Registration) => HandlerContext;
}

const section = (
  entries: readonly PlanEntry[],
  tracing: boolean,
  freshFor: (entry: PlanEntry) => boolean,
  presetEmpty: boolean,
): PlanSection =>
  new PlanSection(
    entries,
    !tracing &&
      entries.every((entry) => entry.timeout === undefined && entry.reg.retries === 0 && !entry.reg.once),
    freshFor,
    presetEmpty,
  );

const isAsync = (reg: Registration): boolean => reg.declaredAsync || reg.returnsPromise;

/** Builds the immutable dispatch plan of one concrete event name. */
export function compilePlan(input: CompilePlanInput): DispatchPlan {
  const entries = input.regs.map((reg): PlanEntry => ({
    reg,
    fn: reg.handler as unknown as PlanHandler,
    ctx: input.contextOf(reg),
    timeout: reg.timeout ?? input.defaultTimeout,
  }));
  const syncEntries = entries.filter((entry) => !isAsync(entry.reg));
  const skipped = input.regs.filter((reg) => isAsync(reg) && !reg.warned);
  return {
    event: input.event,
    segments: input.segments,
    kind: input.kind,
    all: section(entries, input.tracing, (entry) => isAsync(entry.reg), true),
    sync: section(syncEntries, input.tracing, () => false, skipped.length === 0),
    pendingWarnings: skipped.length > 0 ? Object.freeze(skipped) : undefined,
    tracing: input.tracing,
  };
}
