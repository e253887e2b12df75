import { compilePattern, type PatternMatcher } from '../wildcard/compilePattern.js';
import { isPattern } from '../wildcard/isPattern.js';
import { byDispatchOrder } from './byDispatchOrder.js';
import type { Registration } from './Registration.js';

/**
 * Every registration of a registry: exact-name ones per name and wildcard ones in one list, each
 * in registration order, with the compiled matchers shared by registrations of the same pattern.
 */
export class HandlerStore {
  #seq = 0;
  /** Exact-name registrations per name, in registration order. */
  readonly #exact = new Map<string, Registration[]>();
  /** Wildcard registrations, in registration order. */
  readonly #patterns: Registration[] = [];
  /** Compiled matchers shared by registrations of the same pattern. */
  readonly #matchers = new Map<string, PatternMatcher>();

  /** The sequence number of the next registration (ties in priority run in this order). */
  nextSeq(): number {
    return this.#seq++;
  }

  /** The matcher of a wildcard `name`, or `undefined` for an exact name. */
  matcherFor(name: string): PatternMatcher | undefined {
    if (!isPattern(name)) return undefined;
    let matcher = this.#matchers.get(name);
    if (matcher === undefined) {
      matcher = compilePattern(name);
      this.#matchers.set(name, matcher);
    }
    return matcher;
  }

  add(reg: Registration): void {
    if (reg.matcher === undefined) {
      const list = this.#exact.get(reg.pattern);
      if (list === undefined) this.#exact.set(reg.pattern, [reg]);
      else list.push(reg);
    } else {
      this.#patterns.push(reg);
    }
  }

  delete(reg: Registration): void {
    if (reg.matcher === undefined) {
      const list = this.#exact.get(reg.pattern);
      if (list !== undefined) {
        const index = list.indexOf(reg);
        if (index >= 0) list.splice(index, 1);
        if (list.length === 0) this.#exact.delete(reg.pattern);
      }
    } else {
      const index = this.#patterns.indexOf(reg);
      if (index >= 0) this.#patterns.splice(index, 1);
      if (!this.#patterns.some((other) => other.pattern === reg.pattern)) this.#matchers.delete(reg.pattern);
    }
  }

  /** The registrations made with exactly this name or pattern, in registration order. */
  registeredAs(name: string): readonly Registration[] {
    return isPattern(name)
      ? this.#patterns.filter((reg) => reg.pattern === name)
      : (this.#exact.get(name) ?? []);
  }

  /** The enabled and disabled handlers matching the concrete `name`, in dispatch order. */
  matching(name: string, segments: readonly string[] = name.split('.')): Registration[] {
    const regs = [...(this.#exact.get(name) ?? [])];
    if (this.#patterns.length > 0) {
      for (const reg of this.#patterns) if (reg.matcher?.matches(name, segments) === true) regs.push(reg);
    }
    return regs.sort(byDispatchOrder);
  }

  /** The exact names with at least one handler. */
  exactNames(): IterableIterator<string> {
    return this.#exact.keys();
  }

  /** The wildcard registrations, in registration order. */
  wildcards(): readonly Registration[] {
    return this.#patterns;
  }

  /** Every registration, in registration order. */
  all(): Registration[] {
    return [...[...this.#exact.values()].flat(), ...this.#patterns].sort((a, b) => a.seq - b.seq);
  }
}
