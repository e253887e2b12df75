import type { HandlerStats } from './HandlerStats.js';
import type { Registration } from './Registration.js';

/** The tracing counters of `regs`, one entry per registration. */
export function collectStats(regs: readonly Registration[]): HandlerStats[] {
  return regs.map((reg) => ({
    event: reg.pattern,
    plugin: reg.plugin,
    handler: reg.name,
    calls: reg.stats.calls,
    errors: reg.stats.errors,
    totalMs: reg.stats.totalMs,
    maxMs: reg.stats.maxMs,
  }));
}
