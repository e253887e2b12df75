import { compilePlan } from '../dispatch/compilePlan.js';
import type { DispatchPlan } from '../dispatch/DispatchPlan.js';
import type { PlanHandler, SyncRunner } from '../dispatch/PlanSection.js';
import { skipMessage } from '../dispatch/skipMessage.js';
import { ValidationError } from '../errors/ValidationError.js';
import type { AnyExtensionPoint, PointKind } from '../points/ExtensionPoint.js';
import { checkPoint } from './checkPoint.js';
import type { HandlerStore } from './HandlerStore.js';
import type { Owners } from './Owners.js';
import { PlanCache } from './PlanCache.js';
import { PointKinds } from './PointKinds.js';
import type { Registration } from './Registration.js';
import { wrongKind } from './wrongKind.js';

/** Marks the one-entry dispatch cache as empty. */
const NO_KEY: object = Object.freeze({});

/** The registry settings every plan depends on (a change drops every plan). */
export interface PlanSettings {
  readonly defaultTimeout: number | undefined;
  /** Count stats (tracing or stats on): the general loops run. */
  readonly observed: boolean;
  /** Stats on without tracing: synchronous dispatches count in their generated runners. */
  readonly countOnly: boolean;
  readonly strict: boolean;
}

/**
 * The compiled plans of a registry: it resolves a dispatch of a point (or name) and kind to its
 * plan, checks the kind and mode claimed by typed points, compiles on a miss, and drops plans when
 * registrations or settings change. A one-entry inline cache serves hot loops dispatching one point.
 */
export class DispatchPlans {
  readonly #store: HandlerStore;
  readonly #owners: Owners;
  readonly #cache = new PlanCache();
  /** The kinds (and modes, descriptions) claimed by typed points. */
  readonly kinds = new PointKinds();
  #settings: PlanSettings;
  #lastKey: unknown = NO_KEY;
  #lastKind: PointKind | undefined = undefined;
  #lastPlan: DispatchPlan | undefined = undefined;

  constructor(store: HandlerStore, owners: Owners, settings: PlanSettings) {
    this.#store = store;
    this.#owners = owners;
    this.#settings = settings;
  }

  get settings(): PlanSettings {
    return this.#settings;
  }

  /** Changes the settings; every plan is dropped. */
  set settings(settings: PlanSettings) {
    this.#settings = settings;
    this.clear();
  }

  /** The compiled plan for a dispatch of `point` as `kind`; checks the kind. */
  plan(point: string | AnyExtensionPoint, kind: PointKind): DispatchPlan {
    if (point === this.#lastKey && kind === this.#lastKind) return this.#lastPlan as DispatchPlan;
    const plan = this.#resolve(point, kind);
    this.#lastKey = point;
    this.#lastKind = kind;
    this.#lastPlan = plan;
    return plan;
  }

  /** Records the kind and mode of a typed point; a name used with two kinds (or modes) throws. */
  claim(point: AnyExtensionPoint): void {
    if (!this.kinds.claim(checkPoint(point))) return;
    // Plans of this name compiled before the claim know neither its kind nor its mode.
    this.#lastKey = NO_KEY;
    this.#cache.delete(point.name);
  }

  /** Whether a dispatch of `point` would run at least one enabled handler. */
  hasHandlers(point: string | AnyExtensionPoint): boolean {
    const name = typeof point === 'string' ? point : point.name;
    const kind = typeof point === 'string' ? this.kinds.get(name)?.kind : point.kind;
    if (kind !== undefined) return this.plan(point, kind).all.regs.length > 0;
    return this.#store.matching(name).some((reg) => this.#owners.runs(reg));
  }

  /** Drops the cached plans a change of `reg` affects. */
  invalidate(reg: Registration): void {
    this.#lastKey = NO_KEY;
    this.#cache.invalidate(reg);
  }

  /** Drops every cached plan. */
  clear(): void {
    this.#lastKey = NO_KEY;
    this.#cache.clear();
  }

  #resolve(point: string | AnyExtensionPoint, kind: PointKind): DispatchPlan {
    let name: string;
    if (typeof point === 'string') {
      name = point;
    } else {
      if (point.kind !== kind) throw wrongKind(point.name, point.kind, kind);
      name = point.name;
      const claimed = this.kinds.get(name)?.kind;
      if (claimed !== undefined && claimed !== kind) throw wrongKind(name, claimed, kind);
      this.claim(point);
    }
    const plan = this.#cache.get(name, kind) ?? this.#compile(name, kind);
    if (plan.kind !== undefined && plan.kind !== kind) throw wrongKind(name, plan.kind, kind);
    return plan;
  }

  #compile(name: string, kind: PointKind): DispatchPlan {
    const segments = name.split('.');
    const owners = this.#owners;
    const regs = this.#store
      .matching(name, segments)
      .filter((reg) => reg.joins(kind) && (!owners.anyDisabled || owners.runs(reg)));
    const claim = this.kinds.get(name);
    const { defaultTimeout, observed, countOnly, strict } = this.#settings;
    const plan = compilePlan({
      event: name,
      segments,
      kind: claim?.kind,
      mode: claim?.mode,
      dispatchKind: kind,
      regs,
      defaultTimeout,
      tracing: observed,
      countOnly,
      contextOf: (reg) => reg.contextFor(name, kind),
      skipFailure: strict ? skipFailure(name) : undefined,
      asyncOnly: claim?.mode === 'async' ? () => asyncOnly(name, kind) : undefined,
    });
    this.#lastKey = NO_KEY;
    this.#cache.set(plan, kind);
    return plan;
  }
}

/** Under `strict`, what a synchronous dispatch runs in place of an async handler: a failure. */
const skipFailure =
  (event: string) =>
  (reg: Registration): PlanHandler =>
  () => {
    throw new ValidationError(skipMessage(reg, event));
  };

/** What a synchronous dispatch of an `async`-mode point runs: it throws. */
const asyncOnly =
  (event: string, kind: PointKind): SyncRunner =>
  () => {
    throw new ValidationError(
      `'${event}' is an async ${kind} point (mode: 'async'), so the synchronous registry.${kind}() cannot ` +
        `dispatch it; use registry.${kind}Async().`,
    );
  };
