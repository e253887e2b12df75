import type { HandlerStats } from './HandlerStats.js';
import type { Registration } from './Registration.js';

/**
 * The counters of `regs`, one entry per registration. Calls and errors are exact; the durations are
 * estimated from the timed runs (all of them under tracing): the mean of the timed runs, and that
 * mean times the calls as the total.
 */
export function collectStats(regs: readonly Registration[]): HandlerStats[] {
  return regs.map((reg) => {
    const stats = reg.statsIfAny;
    const meanMs = stats === undefined || stats.timedCalls === 0 ? 0 : stats.timedMs / stats.timedCalls;
    return {
      event: reg.pattern,
      plugin: reg.plugin,
      handler: reg.name,
      calls: stats?.calls ?? 0,
      errors: stats?.errors ?? 0,
      totalMs:
        stats === undefined ? 0 : stats.timedCalls === stats.calls ? stats.timedMs : meanMs * stats.calls,
      meanMs,
      maxMs: stats?.maxMs ?? 0,
    };
  });
}
