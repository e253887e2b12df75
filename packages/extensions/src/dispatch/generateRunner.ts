import type { ErrorStrategy } from '../registry/ErrorStrategy.js';
import type { DispatchEngine } from './DispatchEngine.js';
import { HandlerContext } from './HandlerContext.js';
import type { AsyncRunner, PlanSection, SyncRunner } from './PlanSection.js';
import { rejected } from './rejected.js';
import { collectResume } from './runCollectSync.js';
import { filterResume } from './runFilterSync.js';
import { notifyResume } from './runNotifySync.js';
import { continueSeries, seriesResume } from './runSeriesAsync.js';
import { SeriesMode } from './SeriesMode.js';
import type { RunnerFactory } from './RunnerFactory.js';
import { REWIND, STOP_MARK, TAKE_STOP } from './contextInternals.js';
import { STATS_SAMPLE_EVERY } from './STATS_SAMPLE_EVERY.js';
import type { StatsTally } from './StatsTally.js';
import type { Registration } from '../registry/Registration.js';
import { runGeneralSync } from './runGeneralSync.js';
import { runGeneralAsync } from './runGeneralAsync.js';
import { countingSection, countThrown } from './countingSection.js';

/**
 * Sections with more handlers than this keep the loop: past V8's inlining budget the straight-line
 * runner loses to it (sync filter, 100 handlers: about 305 ns with the loop, 465 ns generated).
 */
export const MAX_GENERATED_HANDLERS = 32;

const THENABLE =
  '(typeof r === "object" || typeof r === "function") && r !== null && typeof r.then === "function"';

/**
 * The source of a synchronous runner for `count` handlers (see {@link generateSyncRunner}). A
 * `counted` runner adds one to its tally `t` per dispatch (every handler's call, see
 * {@link StatsTally}), takes back the calls of the handlers after an early stop (`less`), and hands
 * the dispatches to time (see {@link STATS_SAMPLE_EVERY}) to `sample` (the general loop, which times it).
 */
export function syncRunnerSource(count: number, mode: SeriesMode, counted = false): string {
  const lines: string[] = [];
  for (let k = 0; k < count; k++) {
    const f = `f${k}`;
    const c = `c${k}`;
    const less = counted && k + 1 < count ? ` less(${k + 1});` : '';
    lines.push(`i = ${k}; m = ${c}[sm]; r = ${f}(v, ${c});`);
    if (mode === SeriesMode.Filter) {
      lines.push(
        `if (r !== undefined) { if (${THENABLE}) inSync(${k}, r); else v = r; }`,
        `if (${c}[sm] !== m) { engine.depth = d;${less} return ${c}[ts](m, v); }`,
      );
    } else if (mode === SeriesMode.Notify) {
      lines.push(
        `if (r !== undefined && ${THENABLE}) inSync(${k}, r);`,
        `if (${c}[sm] !== m) { engine.depth = d;${less} ${c}[rw](m); return undefined; }`,
      );
    } else {
      lines.push(
        `if (r !== undefined && ${THENABLE}) { inSync(${k}, r); r = undefined; }`,
        `if (${c}[sm] !== m) { engine.depth = d;${less} r = ${c}[ts](m, r); if (r !== undefined) out.push(r); return out; }`,
        `if (r !== undefined) out.push(r);`,
      );
    }
  }
  const done = mode === SeriesMode.Filter ? 'v' : mode === SeriesMode.Collect ? 'out' : 'undefined';
  return [
    '"use strict";',
    'return function trellisSyncDispatch(v, strategy) {',
    ...(counted ? ['if (--t.wait === 0) return sample(v, strategy);'] : []),
    `var i = 0, r, m, d = engine.depth${mode === SeriesMode.Collect ? ', out = []' : ''};`,
    // engine.enter() inlined: only its throwing branch is a call. The depth is restored from the
    // local `d` on every exit rather than decremented in a `finally`: a `finally` saves and
    // restores the pending message and re-reads the counter, two memory round trips per dispatch
    // that a caller's loop carries from one dispatch to the next.
    'if (d >= maxDepth) engine.enter(event);',
    'engine.depth = d + 1;',
    ...(counted ? ['t.n++;'] : []),
    'try {',
    ...lines,
    '} catch (e) {',
    `return fail(v, strategy, i, e, d, m${mode === SeriesMode.Collect ? ', out' : ''});`,
    '}',
    'engine.depth = d;',
    `return ${done};`,
    '};',
  ].join('\n');
}

/**
 * Generates a synchronous dispatch specialised for one section and mode: straight-line code with
 * one call site per handler (so the engine can inline each handler, as tapable does), the same
 * semantics as the plain loops, and no `try` per handler: a failure hands over to the loop's resume
 * function at the failing index. Handlers and contexts are bound as closure variables, never
 * interpolated into the source. Returns `undefined` when code generation is unavailable.
 */
export function generateSyncRunner(
  engine: DispatchEngine,
  section: PlanSection,
  event: string,
  mode: SeriesMode,
): SyncRunner | undefined {
  const resume = mode === SeriesMode.Filter ? filterResume : notifyResume;
  const counted = section.counted;
  // Counting: the loop that resumes after a failure runs handlers wrapped to count (made once).
  let countedSection: PlanSection | undefined;
  const resumeSection = (): PlanSection =>
    counted ? (countedSection ??= countingSection(engine, section)) : section;
  // Takes back the calls the tally counted for handlers `from` on, which did not run.
  const less = (from: number): void => {
    const regs = section.regs;
    for (let k = from; k < regs.length; k++) (regs[k] as Registration).stats.calls--;
  };
  const inSync = (index: number, result: PromiseLike<unknown>): void => {
    const entry = section.entries[index];
    if (entry !== undefined) engine.promiseInSync(entry, result);
  };
  // The failure path: resumes the loop inside the dispatch, then restores the depth on every exit.
  const fail = (
    value: unknown,
    strategy: ErrorStrategy,
    index: number,
    error: unknown,
    depth: number,
    mark: number,
    out?: unknown[],
  ): unknown => {
    // Stops the failing handler requested before it threw belong to its run only.
    section.ctxs[index]?.[REWIND](mark);
    if (counted) {
      // The tally counted every handler: those after the failing one run counted by the resume loop.
      less(index + 1);
      countThrown(section.regs[index], error);
    }
    const target = resumeSection();
    try {
      return mode === SeriesMode.Collect
        ? collectResume(engine, target, event, value, strategy, index, error, out ?? [])
        : resume(engine, target, event, value, strategy, index, error);
    } finally {
      engine.depth = depth;
    }
  };
  const bindings: Record<string, unknown> = {
    engine,
    event,
    maxDepth: engine.maxDepth,
    fail,
    inSync,
    sm: STOP_MARK,
    ts: TAKE_STOP,
    rw: REWIND,
  };
  const tally: StatsTally = { n: 0, wait: 1, every: 1, regs: section.regs };
  if (counted) {
    bindings['t'] = tally;
    bindings['less'] = less;
    // The timed dispatch: the general loop records calls, errors and durations of every handler.
    bindings['sample'] = (value: unknown, strategy: ErrorStrategy): unknown => {
      tally.wait = tally.every;
      if (tally.every < STATS_SAMPLE_EVERY) tally.every *= 2;
      return runGeneralSync(engine, section, event, value, strategy, mode, true);
    };
  }
  const runner = build(
    engine,
    runnerShape(section, mode, false),
    () => syncRunnerSource(section.fns.length, mode, counted),
    section,
    bindings,
  ) as SyncRunner | undefined;
  if (counted && runner !== undefined) engine.track(runner, tally);
  return runner;
}

/**
 * The source of an asynchronous runner's synchronous prefix; `shared[k]` tells whether handler `k`
 * reuses its context (see {@link generateAsyncRunner}). A `counted` runner counts as a synchronous
 * one (see {@link syncRunnerSource}): one per dispatch on its tally `t`, the calls of the handlers
 * it did not run taken back (`less`) where it stops or hands over to the loops (which count each
 * call they make), and the dispatches to time handed to `sample`.
 */
export function asyncRunnerSource(shared: readonly boolean[], mode: SeriesMode, counted = false): string {
  const count = shared.length;
  const done = mode === SeriesMode.Filter ? 'v' : mode === SeriesMode.Collect ? 'out' : 'undefined';
  const lines: string[] = [];
  for (let k = 0; k < count; k++) {
    const f = `f${k}`;
    const reused = shared[k] === true;
    const c = reused ? `c${k}` : 'x';
    const less = counted && k + 1 < count ? ` less(${k + 1});` : '';
    lines.push(
      reused
        ? `i = ${k}; m = ${c}[sm]; r = ${f}(v, ${c});`
        : `i = ${k}; x = new Ctx(event, p${k}, kind); m = 0; r = ${f}(v, x);`,
      `if (r !== undefined && ${THENABLE}) {${less} r = cont(engine, section, event, strategy, mode, v, out, undefined, ${k}, r, ${c}, m); engine.depth = d; return r; }`,
      `s = ${c}[sm] !== m; if (s) r = ${c}[ts](m, r);`,
    );
    if (mode === SeriesMode.Filter) lines.push('if (r !== undefined) v = r;');
    else if (mode === SeriesMode.Collect) lines.push('if (r !== undefined) out.push(r);');
    lines.push(`if (s) { engine.depth = d;${less} return Promise.resolve(${done}); }`);
  }
  return [
    '"use strict";',
    'return function trellisAsyncDispatch(v, strategy) {',
    ...(counted ? ['if (--t.wait === 0) return sample(v, strategy);'] : []),
    'var i = 0, r, m, s, x, out = [], d = engine.depth;',
    // As in the synchronous runner: the depth is restored from `d` on every exit, not in a `finally`.
    'if (d >= maxDepth) { try { engine.enter(event); } catch (e) { return rejected(e); } }',
    'engine.depth = d + 1;',
    ...(counted ? ['t.n++;'] : []),
    'try {',
    ...lines,
    '} catch (e) {',
    'return fail(v, strategy, i, e, out, d, m);',
    '}',
    'engine.depth = d;',
    `return Promise.resolve(${done});`,
    '};',
  ].join('\n');
}

/**
 * Generates the synchronous prefix of an asynchronous series dispatch: straight-line code that
 * stays synchronous until a handler returns a thenable, then hands over to the `async`
 * continuation; a synchronous failure hands over to the loop's resume function.
 */
export function generateAsyncRunner(
  engine: DispatchEngine,
  section: PlanSection,
  event: string,
  mode: SeriesMode,
): AsyncRunner | undefined {
  const plugins: Record<string, unknown> = {};
  section.regs.forEach((reg, k) => {
    if (section.ctxs[k] === undefined) plugins[`p${k}`] = reg.plugin;
  });
  const counted = section.counted;
  // Takes back the calls the tally counted for handlers `from` on, which the runner did not run.
  const less = (from: number): void => {
    const regs = section.regs;
    for (let k = from; k < regs.length; k++) (regs[k] as Registration).stats.calls--;
  };
  // The failure path: resumes the series inside the dispatch, then restores the depth.
  const fail = (
    value: unknown,
    strategy: ErrorStrategy,
    index: number,
    error: unknown,
    out: unknown[],
    depth: number,
    mark: number,
  ): Promise<unknown> => {
    // A fresh context (undefined in `ctxs`) is dropped anyway.
    section.ctxs[index]?.[REWIND](mark);
    if (counted) {
      // The tally counted every handler: those after the failing one run counted by the loops.
      less(index + 1);
      countThrown(section.regs[index], error);
    }
    try {
      return seriesResume(engine, section, event, value, strategy, mode, index, error, out);
    } finally {
      engine.depth = depth;
    }
  };
  const bindings: Record<string, unknown> = {
    engine,
    section,
    event,
    mode,
    maxDepth: engine.maxDepth,
    fail,
    cont: continueSeries,
    rejected,
    Ctx: HandlerContext,
    kind: section.kind,
    sm: STOP_MARK,
    ts: TAKE_STOP,
  };
  const tally: StatsTally = { n: 0, wait: 1, every: 1, regs: section.regs };
  if (counted) {
    bindings['t'] = tally;
    bindings['less'] = less;
    // The timed dispatch: the general loop records calls, errors and durations of every handler.
    bindings['sample'] = (value: unknown, strategy: ErrorStrategy): Promise<unknown> => {
      tally.wait = tally.every;
      if (tally.every < STATS_SAMPLE_EVERY) tally.every *= 2;
      return runGeneralAsync(engine, section, event, value, strategy, mode, true);
    };
  }
  // The per-handler bindings (`p<k>`) come last: the factory's parameters follow the binding order.
  Object.assign(bindings, plugins);
  const runner = build(
    engine,
    runnerShape(section, mode, true),
    () =>
      asyncRunnerSource(
        section.ctxs.map((ctx) => ctx !== undefined),
        mode,
        counted,
      ),
    section,
    bindings,
  ) as AsyncRunner | undefined;
  if (counted && runner !== undefined) engine.track(runner, tally);
  return runner;
}

/** Past this many distinct runner shapes per registry, factories are no longer cached. */
const MAX_CACHED_FACTORIES = 1_000;

/**
 * The shape of a section's runner: everything its generated source depends on (mode, sync or
 * async, handler count and, for async runners, which handlers reuse their context).
 */
export function runnerShape(section: PlanSection, mode: SeriesMode, async: boolean): string {
  if (!async) return `s${mode}:${section.fns.length}${section.counted ? 'c' : ''}`;
  let shared = '';
  for (const ctx of section.ctxs) shared += ctx === undefined ? '0' : '1';
  return `a${mode}:${shared}${section.counted ? 'c' : ''}`;
}

/**
 * Binds the section's handlers (`f<k>`) and contexts (`c<k>`) plus `bindings` into the runner of
 * `shape`. The factory compiled from the source is kept per shape, so another plan of the same
 * shape costs one closure instead of building, hashing and parsing the source again (the engine
 * would share the compiled code and its type feedback between identical sources anyway).
 */
function build(
  engine: DispatchEngine,
  shape: string,
  sourceOf: () => string,
  section: PlanSection,
  bindings: Record<string, unknown>,
): unknown {
  const values = Object.values(bindings);
  section.fns.forEach((fn, k) => {
    values.push(fn);
    const ctx = section.ctxs[k];
    if (ctx !== undefined) values.push(ctx);
  });
  let factory = engine.runnerFactories.get(shape);
  if (factory === undefined) {
    const names = Object.keys(bindings);
    section.fns.forEach((_fn, k) => {
      names.push(`f${k}`);
      if (section.ctxs[k] !== undefined) names.push(`c${k}`);
    });
    try {
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the specialised dispatch is the point; no user text is interpolated
      factory = new Function(...names, sourceOf()) as RunnerFactory;
    } catch {
      // Code generation disallowed (--disallow-code-generation-from-strings, CSP): keep the loops.
      return undefined;
    }
    if (engine.runnerFactories.size < MAX_CACHED_FACTORIES) engine.runnerFactories.set(shape, factory);
  }
  return factory(...values);
}
