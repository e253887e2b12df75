import type { Registration } from './Registration.js';

/** Sets the tracing counters of `regs` back to zero. */
export function resetStats(regs: readonly Registration[]): void {
  for (const reg of regs) {
    reg.stats.calls = 0;
    reg.stats.errors = 0;
    reg.stats.totalMs = 0;
    reg.stats.maxMs = 0;
  }
}
