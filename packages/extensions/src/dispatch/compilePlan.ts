import { effectiveTimeout } from '../handlers/effectiveTimeout.js';
import type { PointKind } from '../points/ExtensionPoint.js';
import type { Registration } from '../registry/Registration.js';
import type { DispatchPlan } from './DispatchPlan.js';
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

/** Builds the immutable dispatch plan of one concrete event name. */
export function compilePlan(input: CompilePlanInput): DispatchPlan {
  const { event, regs, defaultTimeout, tracing } = input;
  const contexts = regs.map((reg) => input.contextOf(reg));
  const syncRegs = regs.filter((reg) => !isAsync(reg));
  const skipped = regs.filter((reg) => isAsync(reg) && !reg.warned);
  const all = new PlanSection(
    event,
    regs,
    regs.map((reg, k) => (isAsync(reg) ? undefined : contexts[k])),
    defaultTimeout,
    isPlain(regs, defaultTimeout, tracing),
    true,
  );
  return {
    event,
    segments: input.segments,
    kind: input.kind,
    all,
    // Without asynchronous handlers both sections hold the same handlers and contexts: one object
    // serves both (its synchronous and asynchronous runners are separate fields).
    sync:
      syncRegs.length === regs.length
        ? all
        : new PlanSection(
            event,
            syncRegs,
            contexts.filter((_ctx, k) => !isAsync(regs[k] as Registration)),
            defaultTimeout,
            isPlain(syncRegs, defaultTimeout, tracing),
            skipped.length === 0,
          ),
    pendingWarnings: skipped.length > 0 ? Object.freeze(skipped) : undefined,
    tracing,
  };
}
