import type { DispatchPlan } from '../dispatch/DispatchPlan.js';
import type { PointKind } from '../points/ExtensionPoint.js';
import type { Registration } from './Registration.js';

/** Names whose plans are kept per registry; the oldest is evicted past this (names may be unbounded). */
const MAX_CACHED_NAMES = 10_000;

/** The plans of one name, one per dispatch kind it was dispatched as. */
type PlansOfName = Partial<Record<PointKind, DispatchPlan>>;

/**
 * The compiled dispatch plans per concrete event name and dispatch kind (a registration may join
 * some kinds only). A change drops only the plans it affects: an exact registration those of its
 * own name, a wildcard one those of every cached name its pattern matches.
 */
export class PlanCache {
  readonly #plans = new Map<string, PlansOfName>();

  get(name: string, kind: PointKind): DispatchPlan | undefined {
    return this.#plans.get(name)?.[kind];
  }

  /** Caches `plan` for its event and kind, evicting the oldest name when the cache is full. */
  set(plan: DispatchPlan, kind: PointKind): void {
    let plans = this.#plans.get(plan.event);
    if (plans === undefined) {
      if (this.#plans.size >= MAX_CACHED_NAMES) {
        const oldest = this.#plans.keys().next();
        if (oldest.done !== true) this.#plans.delete(oldest.value);
      }
      plans = {};
      this.#plans.set(plan.event, plans);
    }
    plans[kind] = plan;
  }

  /** Drops every plan of `name`. */
  delete(name: string): void {
    this.#plans.delete(name);
  }

  /** Drops the plans a change of `reg` affects. */
  invalidate(reg: Registration): void {
    const matcher = reg.matcher;
    if (matcher === undefined) {
      this.#plans.delete(reg.pattern);
      return;
    }
    for (const [name, plans] of this.#plans) {
      const segments = (plans.filter ?? plans.notify ?? plans.collect ?? plans.middleware)?.segments;
      if (segments === undefined || matcher.matches(name, segments)) this.#plans.delete(name);
    }
  }

  clear(): void {
    this.#plans.clear();
  }
}
