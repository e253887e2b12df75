import type { HandlerStats } from './HandlerStats.js';
import type { Registration } from './Registration.js';

/** The tracing counters of `regs`, one entry per registration. */
export function collectStats(regs: readonly Registration[]): HandlerStats[] {
  return regs.map((reg) => {
    const stats = reg.statsIfAny;
    return {
      event: reg.pattern,
      plugin: reg.plugin,
      handler: reg.name,
      calls: stats?.calls ?? 0,
      errors: stats?.errors ?? 0,
      totalMs: stats?.totalMs ?? 0,
      meanMs: stats === undefined || stats.calls === 0 ? 0 : stats.totalMs / stats.calls,
      maxMs: stats?.maxMs ?? 0,
    };
  });
}
