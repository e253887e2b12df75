import { HookError } from '../errors/HookError.js';
import { HookRecursionError } from '../errors/HookRecursionError.js';
import { HookTimeoutError } from '../errors/HookTimeoutError.js';
import { TrellisError } from '../errors/TrellisError.js';
import type { HookLogger } from '../registry/HookLogger.js';
import { PLUGIN_ERROR_EVENT } from '../registry/PLUGIN_ERROR_EVENT.js';
import type { PluginErrorPayload } from '../registry/PluginErrorPayload.js';
import type { Registration } from '../registry/Registration.js';
import type { PlanEntry } from './DispatchPlan.js';
import type { RunnerFactory } from './RunnerFactory.js';
import { isThenable } from './isThenable.js';
import { skipMessage } from './skipMessage.js';
import { ValidationError } from '../errors/ValidationError.js';
import type { RegistryWarning } from '../registry/RegistryWarning.js';
import type { RunOutcome } from './RunOutcome.js';
import { flushTally, type StatsTally } from './StatsTally.js';

/** What the engine needs from the registry that owns it. */
export interface EngineHost {
  readonly logger: HookLogger;
  readonly maxDepth: number;
  /** The owner's error handler, if one is set. */
  ownerErrorHandler(plugin: string): ((error: HookError) => unknown) | undefined;
  /** Synchronous notify of {@link PLUGIN_ERROR_EVENT}, never re-reporting its own failures. */
  notifyPluginError(payload: PluginErrorPayload): void;
  /** Asynchronous notify of {@link PLUGIN_ERROR_EVENT}. */
  notifyPluginErrorAsync(payload: PluginErrorPayload): Promise<void>;
  /** Removes a registration (for `once`). */
  remove(reg: Registration): void;
  /** A handler was seen returning a promise: plans must stop offering it to sync dispatchers. */
  returnedPromise(reg: Registration): void;
  /** Reports a warning to the host's `onWarning` (never throws). */
  warn(warning: RegistryWarning): void;
  /** The registry's `strict` option: a skipped async handler is a failure, not a warning. */
  readonly strict: boolean;
}

/**
 * State and failure handling shared by every dispatch loop of one registry: the nesting depth (for
 * the recursion guard) and what each error strategy does with a failure.
 */
export class DispatchEngine {
  readonly host: EngineHost;
  /** The nesting limit (copied from the host: read on every dispatch). */
  readonly maxDepth: number;
  /** Nesting depth of synchronous dispatch sections on the current stack. */
  depth = 0;
  /** Log each traced attempt at debug (tracing); off, observed plans only count `stats()`. */
  logTraces = false;
  /** Compiled runner factories per runner shape (see `runnerShape`). */
  readonly runnerFactories = new Map<string, RunnerFactory>();
  /** Errors the engine raised itself for a given handler (timeouts): never wrapped again. */
  readonly #own = new WeakSet<HookError>();
  /** The call tallies of live counting runners (see {@link StatsTally}). */
  readonly #tallies = new Set<StatsTally>();
  /** Flushes the tally of a runner that was garbage-collected. */
  readonly #finalizer = new FinalizationRegistry<StatsTally>((tally) => {
    flushTally(tally);
    this.#tallies.delete(tally);
  });

  constructor(host: EngineHost) {
    this.host = host;
    this.maxDepth = host.maxDepth;
  }

  /** Keeps `tally` (of the counting `runner`) to be flushed into the stats. */
  track(runner: object, tally: StatsTally): void {
    this.#tallies.add(tally);
    this.#finalizer.register(runner, tally);
  }

  /** Moves every tally's calls into the handlers' stats (before they are read or reset). */
  flushTallies(): void {
    for (const tally of this.#tallies) flushTally(tally);
  }

  /** Enters a synchronous dispatch section; throws when nested too deeply. */
  enter(event: string): void {
    if (this.depth >= this.maxDepth) throw new HookRecursionError({ event, maxDepth: this.maxDepth });
    this.depth++;
  }

  /** Wraps what a handler threw into a {@link HookError} naming the event, owner and handler. */
  wrap(error: unknown, entry: PlanEntry): HookError {
    // A WeakSet lookup reads nothing of `error` (which may be a hostile Proxy).
    if (this.#own.has(error as HookError)) return error as HookError;
    return new HookError({
      event: entry.ctx.event,
      plugin: entry.reg.plugin,
      handler: entry.reg.name,
      cause: error,
    });
  }

  /** Marks an error raised by the engine for a handler (a timeout) so that it is not wrapped. */
  own<TError extends HookError>(error: TError): TError {
    this.#own.add(error);
    return error;
  }

  /** Calls the owner's error handler; its own errors are logged and swallowed. */
  callOwner(error: HookError): void {
    if (error.plugin === undefined) return;
    const onError = this.host.ownerErrorHandler(error.plugin);
    if (onError === undefined) return;
    try {
      // An async onError returns a promise whose rejection is ours to catch.
      const result = onError(error);
      if (isThenable(result)) {
        result.then(undefined, (ownError: unknown) => {
          this.#ownerFailed(error, ownError);
        });
      }
    } catch (ownError) {
      this.#ownerFailed(error, ownError);
    }
  }

  #ownerFailed(error: HookError, ownError: unknown): void {
    this.host.logger.warn(
      { event: error.event, plugin: error.plugin, err: ownError },
      `The onError handler of plugin '${String(error.plugin)}' threw while handling a failure on '${error.event}'; ignored.`,
    );
  }

  #log(error: HookError): void {
    this.host.logger.error(
      { event: error.event, plugin: error.plugin, handler: error.handler, err: error },
      error.message,
    );
  }

  /** `log-and-continue`, synchronous dispatchers: log, owner's handler, notify. */
  logAndContinue(error: HookError): void {
    this.#log(error);
    this.callOwner(error);
    if (error.event !== PLUGIN_ERROR_EVENT) {
      this.host.notifyPluginError({ pluginName: error.plugin, event: error.event, error });
    }
  }

  /** `log-and-continue`, asynchronous dispatchers: as {@link logAndContinue}, awaiting the notify. */
  async logAndContinueAsync(error: HookError): Promise<void> {
    this.#log(error);
    this.callOwner(error);
    if (error.event !== PLUGIN_ERROR_EVENT) {
      await this.host.notifyPluginErrorAsync({ pluginName: error.plugin, event: error.event, error });
    }
  }

  /** Logs (once per handler) that a synchronous dispatcher skipped an async handler. */
  warnSkipped(reg: Registration, event: string): void {
    if (reg.warned) return;
    reg.warned = true;
    const message = skipMessage(reg, event);
    this.host.logger.warn({ event, plugin: reg.plugin, handler: reg.name }, message);
    this.host.warn({
      code: 'TRELLIS_ASYNC_HANDLER_SKIPPED',
      message,
      ...(reg.plugin === undefined ? {} : { plugin: reg.plugin }),
      event,
    });
  }

  /** Tracing: logs one attempt of a handler run at debug level. */
  traceAttempt(entry: PlanEntry, durationMs: number, outcome: RunOutcome, attempt: number): void {
    if (!this.logTraces) return;
    const reg = entry.reg;
    this.host.logger.debug(
      {
        event: entry.ctx.event,
        plugin: reg.plugin,
        handler: reg.name,
        durationMs,
        outcome:
          outcome.status === 'failed'
            ? TrellisError.is(outcome.error, HookTimeoutError.CODE)
              ? 'timeout'
              : 'error'
            : outcome.status === 'skipped'
              ? 'skipped'
              : outcome.stopped
                ? 'stopped'
                : 'ok',
        attempt,
      },
      'hook run',
    );
  }

  /** Tracing, or a sampled dispatch while counting: adds a finished, timed run to the handler's stats. */
  record(entry: PlanEntry, durationMs: number, outcome: RunOutcome): void {
    if (outcome.status === 'skipped') return;
    const stats = entry.reg.stats;
    stats.calls++;
    if (outcome.status === 'failed') stats.errors++;
    stats.timedCalls++;
    stats.timedMs += durationMs;
    if (durationMs > stats.maxMs) stats.maxMs = durationMs;
  }

  /** A handler not declared `async` returned a thenable to an asynchronous dispatcher. */
  noteAsync(entry: PlanEntry): void {
    const reg = entry.reg;
    if (reg.declaredAsync || reg.returnsPromise) return;
    reg.returnsPromise = true;
    this.host.returnedPromise(reg);
  }

  /**
   * A synchronous dispatcher got a promise from a handler: its result is ignored, a rejection is
   * logged rather than left unhandled, and sync dispatchers skip the handler from now on.
   */
  promiseInSync(entry: PlanEntry, result: PromiseLike<unknown>): void {
    const reg = entry.reg;
    const event = entry.ctx.event;
    result.then(undefined, (error: unknown) => {
      this.host.logger.error(
        { event, plugin: reg.plugin, handler: reg.name, err: error },
        `Handler '${reg.name}' on '${event}' rejected after a synchronous dispatch had ignored its promise.`,
      );
    });
    if (!reg.returnsPromise) {
      reg.returnsPromise = true;
      if (!this.host.strict) this.warnSkipped(reg, event);
      this.host.returnedPromise(reg);
    }
    // Under `strict` the ignored promise is this handler's failure (the dispatch is inside its `try`).
    if (this.host.strict) throw new ValidationError(skipMessage(reg, event));
  }
}
