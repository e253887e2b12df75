import type { Registration } from './Registration.js';

/** Sets the tracing counters of `regs` back to zero. */
export function resetStats(regs: readonly Registration[]): void {
  for (const reg of regs) {
    if (reg.statsIfAny === undefined) continue;
    const stats = reg.stats;
    stats.calls = 0;
    stats.errors = 0;
    stats.timedCalls = 0;
    stats.timedMs = 0;
    stats.maxMs = 0;
  }
}
