import type { ErrorStrategy } from '../registry/ErrorStrategy.js';
import type { DispatchEngine } from './DispatchEngine.js';
import type { DispatchPlan } from './DispatchPlan.js';
import {
  generateAsyncRunner,
  generateSyncRunner,
  MAX_GENERATED_HANDLERS,
  runnerShape,
} from './generateRunner.js';
import type { AsyncRunner, PlanSection, SyncRunner } from './PlanSection.js';
import { runCollectSync } from './runCollectSync.js';
import { runFilterSync } from './runFilterSync.js';
import { runGeneralAsync } from './runGeneralAsync.js';
import { runGeneralSync } from './runGeneralSync.js';
import { runNotifySync } from './runNotifySync.js';
import { runSeriesAsync } from './runSeriesAsync.js';
import { SeriesMode } from './SeriesMode.js';
import { countingSection } from './countingSection.js';
import { STATS_SAMPLE_EVERY } from './STATS_SAMPLE_EVERY.js';
import { takeAsyncSample } from './takeAsyncSample.js';

/**
 * A plan section of up to this many handlers gets its specialised runner on its first dispatch, as
 * does any section whose runner shape was compiled before (binding a cached factory costs one
 * closure): generating one costs about a microsecond per handler.
 */
const EAGER_HANDLERS = 16;
/**
 * A larger section of a new shape is dispatched this many times (plus a few per handler) through
 * the loops before its runner is generated, since compiling a new shape only pays off for events
 * dispatched often.
 */
const HOT_AFTER = 128;
const HOT_AFTER_PER_HANDLER = 16;

/**
 * Dispatches of sections that have no generated runner (yet): it logs pending skip warnings, runs
 * the general loops for sections using timeouts, retries, `once` or tracing, generates the runner
 * once a plain section is hot, and runs the plain loops until then.
 */
export class ColdDispatch {
  readonly #engine: DispatchEngine;
  /** `RegistryOptions.compileAfter`; `undefined` for the default policy. */
  readonly #compileAfter: number | undefined;

  constructor(engine: DispatchEngine, compileAfter: number | undefined) {
    this.#engine = engine;
    this.#compileAfter = compileAfter;
  }

  /** Synchronous dispatch through the loops (plans not yet hot, with warnings due, or using features). */
  sync(plan: DispatchPlan, input: unknown, strategy: ErrorStrategy, mode: SeriesMode): unknown {
    const engine = this.#engine;
    const pending = plan.pendingWarnings;
    if (pending !== undefined) {
      plan.pendingWarnings = undefined;
      for (const reg of pending) engine.warnSkipped(reg, plan.event);
    }
    const section = plan.sync;
    if (!section.plain)
      return runGeneralSync(engine, section, plan.event, input, strategy, mode, plan.tracing);
    if (this.#isHot(section, mode, false)) {
      const runner: SyncRunner | undefined = generateSyncRunner(engine, section, plan.event, mode);
      if (runner === undefined) {
        section.noRunners = true;
      } else {
        if (mode === SeriesMode.Filter) section.filterRunner = runner;
        else if (mode === SeriesMode.Notify) section.notifyRunner = runner;
        else section.collectRunner = runner;
        return runner(input, strategy);
      }
    }
    let loop = section;
    if (section.counted) {
      // Counting without a runner (not hot yet, too many handlers, no code generation): the loops
      // run the handlers wrapped to count; the dispatches to time run the general loop.
      const counting = (section.countingLoop ??= {
        section: countingSection(engine, section),
        wait: 1,
        every: 1,
      });
      if (--counting.wait === 0) {
        counting.wait = counting.every;
        if (counting.every < STATS_SAMPLE_EVERY) counting.every *= 2;
        return runGeneralSync(engine, section, plan.event, input, strategy, mode, true);
      }
      loop = counting.section;
    }
    if (mode === SeriesMode.Filter) return runFilterSync(engine, loop, plan.event, input, strategy);
    if (mode === SeriesMode.Collect) return runCollectSync(engine, loop, plan.event, input, strategy);
    return runNotifySync(engine, loop, plan.event, input, strategy);
  }

  /** Asynchronous dispatch through the loops (plans not yet hot, or using per-handler features). */
  async(plan: DispatchPlan, input: unknown, strategy: ErrorStrategy, mode: SeriesMode): Promise<unknown> {
    const engine = this.#engine;
    const section = plan.all;
    if (!section.plain)
      return runGeneralAsync(engine, section, plan.event, input, strategy, mode, plan.tracing);
    if (this.#isHot(section, mode, true)) {
      const runner: AsyncRunner | undefined = generateAsyncRunner(engine, section, plan.event, mode);
      if (runner === undefined) {
        section.noRunners = true;
      } else {
        if (mode === SeriesMode.Filter) section.filterAsyncRunner = runner;
        else if (mode === SeriesMode.Notify) section.notifyAsyncRunner = runner;
        else section.collectAsyncRunner = runner;
        return runner(input, strategy);
      }
    }
    // Counting without a runner: the plain loops count each call; the dispatches to time run the
    // general loop, which times every handler.
    if (section.counted && takeAsyncSample(section))
      return runGeneralAsync(engine, section, plan.event, input, strategy, mode, true);
    return runSeriesAsync(engine, section, plan.event, input, strategy, mode);
  }

  /** Whether to generate the runner of a section now (see {@link EAGER_HANDLERS}). */
  #isHot(section: PlanSection, mode: SeriesMode, async: boolean): boolean {
    if (section.noRunners) return false;
    const count = section.fns.length;
    if (count > MAX_GENERATED_HANDLERS) {
      section.noRunners = true;
      return false;
    }
    const compileAfter = this.#compileAfter;
    if (compileAfter !== undefined) return ++section.hits > compileAfter;
    if (count <= EAGER_HANDLERS || this.#engine.runnerFactories.has(runnerShape(section, mode, async)))
      return true;
    return ++section.hits > HOT_AFTER + HOT_AFTER_PER_HANDLER * count;
  }
}
