import type { HandlerStats } from './HandlerStats.js';
import type { Registration } from './Registration.js';

/**
 * The counters of `regs`, one entry per registration. Calls and errors are exact; the durations are
 * estimated from the timed runs (all of them under tracing): the total is the mean of the timed runs
 * times the calls, and `meanMs` that total over the calls.
 */
export function collectStats(regs: readonly Registration[]): HandlerStats[] {
  return regs.map((reg) => {
    const stats = reg.statsIfAny;
    let totalMs = 0;
    if (stats !== undefined && stats.timedCalls > 0) {
      totalMs =
        stats.timedCalls === stats.calls ? stats.timedMs : (stats.timedMs / stats.timedCalls) * stats.calls;
    }
    const calls = stats?.calls ?? 0;
    return {
      event: reg.pattern,
      plugin: reg.plugin,
      handler: reg.name,
      calls,
      errors: stats?.errors ?? 0,
      totalMs,
      meanMs: calls === 0 ? 0 : totalMs / calls,
      maxMs: stats?.maxMs ?? 0,
    };
  });
}
