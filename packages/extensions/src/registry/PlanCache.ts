import type { DispatchPlan } from '../dispatch/DispatchPlan.js';
import type { Registration } from './Registration.js';

/** Compiled plans kept per registry; the oldest is evicted past this (names may be unbounded). */
const MAX_CACHED_PLANS = 10_000;

/**
 * The compiled dispatch plans per concrete event name. A change drops only the plans it affects:
 * an exact registration its own name, a wildcard one every cached name its pattern matches.
 */
export class PlanCache {
  readonly #plans = new Map<string, DispatchPlan>();

  get(name: string): DispatchPlan | undefined {
    return this.#plans.get(name);
  }

  /** Caches `plan`, evicting the oldest plan when the cache is full. */
  set(plan: DispatchPlan): void {
    if (this.#plans.size >= MAX_CACHED_PLANS) {
      const oldest = this.#plans.keys().next();
      if (oldest.done !== true) this.#plans.delete(oldest.value);
    }
    this.#plans.set(plan.event, plan);
  }

  /** Drops the plans a change of `reg` affects. */
  invalidate(reg: Registration): void {
    const matcher = reg.matcher;
    if (matcher === undefined) {
      this.#plans.delete(reg.pattern);
      return;
    }
    for (const [name, plan] of this.#plans)
      if (matcher.matches(name, plan.segments)) this.#plans.delete(name);
  }

  clear(): void {
    this.#plans.clear();
  }
}
