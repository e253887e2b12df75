import { HookTimeoutError } from '../errors/HookTimeoutError.js';
import { claimOnce, okOutcome, thrownOutcome } from './attemptOutcome.js';
import type { DispatchEngine } from './DispatchEngine.js';
import type { PlanEntry } from './DispatchPlan.js';
import { HandlerContext } from './HandlerContext.js';
import { isThenable } from './isThenable.js';
import { SKIPPED, type RunOutcome } from './RunOutcome.js';
import { withTimeout } from './withTimeout.js';
import { ABORT } from './contextInternals.js';

/**
 * Runs one handler for an asynchronous dispatcher with every feature: `once`, retries, timeouts
 * (an async handler is pre-empted and its signal aborted; a sync one that returned late has its
 * result discarded), tracing. A fresh context per attempt.
 */
export async function invokeAsync(
  engine: DispatchEngine,
  entry: PlanEntry,
  input: unknown,
  tracing: boolean,
): Promise<RunOutcome> {
  const reg = entry.reg;
  if (!claimOnce(engine, reg)) return SKIPPED;
  const timeout = entry.timeout;
  // Stats need the run's start and end only; trace logs and timeouts time each attempt too.
  const logs = tracing && engine.logTraces;
  const timed = logs || timeout !== undefined;
  const runStart = tracing ? performance.now() : 0;
  let outcome: RunOutcome;
  for (let attempt = 0; ; attempt++) {
    const ctx = new HandlerContext(entry.ctx.event, reg.plugin, entry.ctx.kind);
    const start = timed ? performance.now() : 0;
    const timeoutError = (): HookTimeoutError =>
      engine.own(
        new HookTimeoutError({
          event: ctx.event,
          plugin: reg.plugin,
          handler: reg.name,
          timeout: timeout ?? 0,
        }),
      );
    try {
      let result = entry.fn(input, ctx);
      if (result !== undefined && isThenable(result)) {
        engine.noteAsync(entry);
        result = await (timeout === undefined ? result : withTimeout(result, timeout, ctx, timeoutError));
        outcome = okOutcome(ctx, result);
      } else if (timeout !== undefined && performance.now() - start > timeout) {
        const error = timeoutError();
        ctx[ABORT](error);
        outcome = { status: 'failed', error };
      } else {
        outcome = okOutcome(ctx, result);
      }
    } catch (error) {
      outcome = thrownOutcome(engine, error, entry);
    }
    if (logs) engine.traceAttempt(entry, performance.now() - start, outcome, attempt);
    if (outcome.status !== 'failed' || attempt >= reg.retries) break;
  }
  if (tracing) engine.record(entry, performance.now() - runStart, outcome);
  return outcome;
}
