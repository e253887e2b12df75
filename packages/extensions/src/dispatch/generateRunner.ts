import type { DispatchEngine } from './DispatchEngine.js';
import { HandlerContext } from './HandlerContext.js';
import type { AsyncRunner, PlanSection, SyncRunner } from './PlanSection.js';
import { rejected } from './rejected.js';
import { collectResume } from './runCollectSync.js';
import { filterResume } from './runFilterSync.js';
import { notifyResume } from './runNotifySync.js';
import { continueSeries, seriesResume } from './runSeriesAsync.js';
import { SeriesMode } from './SeriesMode.js';

/** Sections with more handlers than this keep the loop (generated code would be too big to optimise). */
export const MAX_GENERATED_HANDLERS = 256;

const THENABLE =
  '(typeof r === "object" || typeof r === "function") && r !== null && typeof r.then === "function"';

/** The source of a synchronous runner for `count` handlers (see {@link generateSyncRunner}). */
export function syncRunnerSource(count: number, mode: SeriesMode): string {
  const lines: string[] = [];
  for (let k = 0; k < count; k++) {
    const f = `f${k}`;
    const c = `c${k}`;
    lines.push(`i = ${k}; m = ${c}.stopMark; r = ${f}(v, ${c});`);
    if (mode === SeriesMode.Filter) {
      lines.push(
        `if (r !== undefined) { if (${THENABLE}) inSync(${k}, r); else v = r; }`,
        `if (${c}.stopMark !== m) return ${c}.stopValue !== undefined ? ${c}.stopValue : v;`,
      );
    } else if (mode === SeriesMode.Notify) {
      lines.push(
        `if (r !== undefined && ${THENABLE}) inSync(${k}, r);`,
        `if (${c}.stopMark !== m) return undefined;`,
      );
    } else {
      lines.push(
        `if (r !== undefined && ${THENABLE}) { inSync(${k}, r); r = undefined; }`,
        `if (${c}.stopMark !== m) { if (${c}.stopValue !== undefined) r = ${c}.stopValue; if (r !== undefined) out.push(r); return out; }`,
        `if (r !== undefined) out.push(r);`,
      );
    }
  }
  const done = mode === SeriesMode.Filter ? 'v' : mode === SeriesMode.Collect ? 'out' : 'undefined';
  const resume =
    mode === SeriesMode.Collect
      ? 'resume(engine, section, event, v, strategy, i, e, out)'
      : 'resume(engine, section, event, v, strategy, i, e)';
  return [
    '"use strict";',
    'return function trellisSyncDispatch(v, strategy) {',
    `var i = 0, r, m${mode === SeriesMode.Collect ? ', out = []' : ''};`,
    // engine.enter() inlined: only its throwing branch is a call.
    'if (engine.depth >= maxDepth) engine.enter(event);',
    'engine.depth++;',
    'try {',
    ...lines,
    `return ${done};`,
    `} catch (e) { return ${resume}; }`,
    'finally { engine.depth--; }',
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
  const source = syncRunnerSource(section.fns.length, mode);
  const resumeFn =
    mode === SeriesMode.Filter ? filterResume : mode === SeriesMode.Notify ? notifyResume : collectResume;
  const inSync = (index: number, result: PromiseLike<unknown>): void => {
    const entry = section.entries[index];
    if (entry !== undefined) engine.promiseInSync(entry, result);
  };
  return build(source, section, {
    engine,
    section,
    event,
    maxDepth: engine.maxDepth,
    resume: resumeFn,
    inSync,
  }) as SyncRunner | undefined;
}

/**
 * The source of an asynchronous runner's synchronous prefix; `shared[k]` tells whether handler `k`
 * reuses its context (see {@link generateAsyncRunner}).
 */
export function asyncRunnerSource(shared: readonly boolean[], mode: SeriesMode): string {
  const count = shared.length;
  const lines: string[] = [];
  for (let k = 0; k < count; k++) {
    const f = `f${k}`;
    const reused = shared[k] === true;
    const c = reused ? `c${k}` : 'x';
    lines.push(
      reused
        ? `i = ${k}; m = ${c}.stopMark; r = ${f}(v, ${c});`
        : `i = ${k}; x = new Ctx(event, p${k}); m = 0; r = ${f}(v, x);`,
      `if (r !== undefined && ${THENABLE}) return cont(engine, section, event, strategy, mode, v, out, undefined, ${k}, r, ${c}, m);`,
      `s = ${c}.stopMark !== m; if (s && ${c}.stopValue !== undefined) r = ${c}.stopValue;`,
    );
    if (mode === SeriesMode.Filter) lines.push('if (r !== undefined) v = r;');
    else if (mode === SeriesMode.Collect) lines.push('if (r !== undefined) out.push(r);');
    lines.push(
      `if (s) return Promise.resolve(${mode === SeriesMode.Filter ? 'v' : mode === SeriesMode.Collect ? 'out' : 'undefined'});`,
    );
  }
  const done = mode === SeriesMode.Filter ? 'v' : mode === SeriesMode.Collect ? 'out' : 'undefined';
  return [
    '"use strict";',
    'return function trellisAsyncDispatch(v, strategy) {',
    'var i = 0, r, m, s, x, out = [];',
    'try { engine.enter(event); } catch (e) { return rejected(e); }',
    'try {',
    ...lines,
    `return Promise.resolve(${done});`,
    '} catch (e) { return resume(engine, section, event, v, strategy, mode, i, e, out); }',
    'finally { engine.depth--; }',
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
  const source = asyncRunnerSource(
    section.ctxs.map((ctx) => ctx !== undefined),
    mode,
  );
  const plugins: Record<string, unknown> = {};
  section.entries.forEach((entry, k) => {
    if (section.ctxs[k] === undefined) plugins[`p${k}`] = entry.reg.plugin;
  });
  return build(source, section, {
    engine,
    section,
    event,
    mode,
    resume: seriesResume,
    cont: continueSeries,
    rejected,
    Ctx: HandlerContext,
    ...plugins,
  }) as AsyncRunner | undefined;
}

/** Compiles `source` with the section's handlers (`f<k>`) and contexts (`c<k>`) plus `bindings` in scope. */
function build(source: string, section: PlanSection, bindings: Record<string, unknown>): unknown {
  const names = Object.keys(bindings);
  const values = Object.values(bindings);
  section.fns.forEach((fn, k) => {
    names.push(`f${k}`);
    values.push(fn);
    const ctx = section.ctxs[k];
    if (ctx !== undefined) {
      names.push(`c${k}`);
      values.push(ctx);
    }
  });
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the specialised dispatch is the point; no user text is interpolated
    const factory = new Function(...names, source) as (...args: unknown[]) => unknown;
    return factory(...values);
  } catch {
    // Code generation disallowed (--disallow-code-generation-from-strings, CSP): keep the loops.
    return undefined;
  }
}
