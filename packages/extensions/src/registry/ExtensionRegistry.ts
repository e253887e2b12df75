import { compilePlan } from '../dispatch/compilePlan.js';
import { DispatchEngine, type EngineHost } from '../dispatch/DispatchEngine.js';
import type { DispatchPlan } from '../dispatch/DispatchPlan.js';
import {
  generateAsyncRunner,
  generateSyncRunner,
  MAX_GENERATED_HANDLERS,
  runnerShape,
} from '../dispatch/generateRunner.js';
import type { AsyncRunner, PlanSection, SyncRunner } from '../dispatch/PlanSection.js';
import { runCollectSync } from '../dispatch/runCollectSync.js';
import { runFilterSync } from '../dispatch/runFilterSync.js';
import { runGeneralAsync } from '../dispatch/runGeneralAsync.js';
import { runGeneralSync } from '../dispatch/runGeneralSync.js';
import { runMiddleware } from '../dispatch/runMiddleware.js';
import { runNotifyParallel } from '../dispatch/runNotifyParallel.js';
import { runNotifySync } from '../dispatch/runNotifySync.js';
import { runSeriesAsync } from '../dispatch/runSeriesAsync.js';
import { SeriesMode } from '../dispatch/SeriesMode.js';
import type { HookError } from '../errors/HookError.js';
import { ValidationError } from '../errors/ValidationError.js';
import type {
  CollectHandler,
  FilterHandler,
  MiddlewareHandler,
  NotifyHandler,
} from '../handlers/handlerTypes.js';
import { handlerName } from '../handlers/handlerName.js';
import type { HookContext } from '../handlers/HookContext.js';
import type { HookOptions } from '../handlers/HookOptions.js';
import { isAsyncFunction } from '../handlers/isAsyncFunction.js';
import { resolvePriority } from '../handlers/resolvePriority.js';
import type {
  AnyExtensionPoint,
  CollectPoint,
  FilterPoint,
  MiddlewarePoint,
  NotifyPoint,
  PointKind,
} from '../points/ExtensionPoint.js';
import { validateEventName } from '../points/validateEventName.js';
import { compilePattern, type PatternMatcher } from '../wildcard/compilePattern.js';
import { isPattern } from '../wildcard/isPattern.js';
import type { DispatchOptions, NotifyAsyncOptions } from './DispatchOptions.js';
import type { ErrorStrategy } from './ErrorStrategy.js';
import type { HandlerStats } from './HandlerStats.js';
import type { HookLogger } from './HookLogger.js';
import { noopLogger } from './noopLogger.js';
import { PLUGIN_ERROR_EVENT } from './PLUGIN_ERROR_EVENT.js';
import type { PluginErrorPayload } from './PluginErrorPayload.js';
import type { HandlerDescription, PointDescription } from './PointDescription.js';
import { Registration } from './Registration.js';
import type { RegistryOptions } from './RegistryOptions.js';
import { validateErrorStrategy } from './validateErrorStrategy.js';
import { validateHookOptions } from './validateHookOptions.js';
import { validateTimeout } from './validateTimeout.js';
import { rejected } from '../dispatch/rejected.js';

/** A handler registered by event name: its value type is whatever the caller declares. */
export type EventHandler<T = unknown> = (value: T, ctx: HookContext) => unknown;

/** Any function, as accepted by `off()`. */
export type AnyFunction = (...args: never[]) => unknown;

/** Removes the handler registered by the `on()` call that returned it. */
export type Unsubscribe = () => void;

const DEFAULT_MAX_DEPTH = 100;
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
/** Compiled plans kept per registry; the oldest is evicted past this (names may be unbounded). */
const MAX_CACHED_PLANS = 10_000;
/** Marks the one-entry dispatch cache as empty. */
const NO_KEY: object = Object.freeze({});
const LOG_AND_CONTINUE: DispatchOptions = Object.freeze({ errorStrategy: 'log-and-continue' });

const DISPATCHER: Readonly<Record<PointKind, string>> = {
  filter: 'registry.filter() or filterAsync()',
  notify: 'registry.notify() or notifyAsync()',
  collect: 'registry.collect() or collectAsync()',
  middleware: 'registry.run()',
};

const byDispatchOrder = (a: Registration, b: Registration): number =>
  b.priority - a.priority || a.seq - b.seq;

const wrongKind = (name: string, actual: PointKind, attempted: PointKind): ValidationError =>
  new ValidationError(
    `'${name}' is a ${actual} point; use ${DISPATCHER[actual]} (it was dispatched as a ${attempted} point).`,
  );

const POINT_KINDS: readonly unknown[] = ['filter', 'notify', 'collect', 'middleware'];

/**
 * The extension-point registry: handlers register on typed points or event names (wildcards
 * allowed), and dispatches run them by priority with the chosen error strategy.
 *
 * Dispatch is compiled per concrete event name into a cached plan (handlers in order, split for
 * sync and async dispatch, wildcard matches resolved) that is rebuilt only when a change affects
 * that name; when no handler uses timeouts, retries, `once` or tracing, a plain loop runs with no
 * allocation per handler.
 *
 * @example
 * ```ts
 * const registry = new ExtensionRegistry({ errorStrategy: 'fail-fast' });
 * const off = registry.on(BeforeSave, (user) => ({ ...user, checked: true }), { priority: 'high' });
 * registry.filter(BeforeSave, user); // { ...user, checked: true }
 * off();
 * ```
 */
export class ExtensionRegistry {
  #strategy: ErrorStrategy;
  #defaultTimeout: number | undefined;
  #tracing: boolean;
  readonly #logger: HookLogger;
  readonly #maxDepth: number;
  readonly #engine: DispatchEngine;
  #seq = 0;
  /** Exact-name registrations per name, in registration order. */
  readonly #exact = new Map<string, Registration[]>();
  /** Wildcard registrations, in registration order. */
  readonly #patterns: Registration[] = [];
  /** Compiled matchers shared by registrations of the same pattern. */
  readonly #matchers = new Map<string, PatternMatcher>();
  /** Compiled plans per concrete event name. */
  readonly #plans = new Map<string, DispatchPlan>();
  /** Kinds claimed by typed points, per name. */
  readonly #points = new Map<
    string,
    { readonly kind: PointKind; readonly description: string | undefined }
  >();
  readonly #disabled = new Set<string>();
  readonly #byOwner = new Map<string, Set<Registration>>();
  readonly #ownerErrorHandlers = new Map<string, (error: HookError) => unknown>();
  /**
   * One-entry inline cache of the last dispatch: the point (or name) and kind it was called with
   * and the plan it resolved to. Hot loops dispatching one point skip the map lookup; any change
   * to the plan cache empties it.
   */
  #lastKey: unknown = NO_KEY;
  #lastKind: PointKind | undefined = undefined;
  #lastPlan: DispatchPlan | undefined = undefined;
  readonly #compileAfter: number | undefined;

  constructor(options: RegistryOptions = {}) {
    this.#strategy = validateErrorStrategy(options.errorStrategy ?? 'log-and-continue');
    this.#defaultTimeout = validateTimeout(options.defaultTimeout);
    this.#tracing = options.tracing === true;
    this.#logger = options.logger ?? noopLogger;
    const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    if (!Number.isSafeInteger(maxDepth) || maxDepth < 1) {
      throw new ValidationError(
        `Invalid maxDepth ${JSON.stringify(maxDepth)}: use a whole number of 1 or more.`,
      );
    }
    this.#maxDepth = maxDepth;
    const compileAfter = options.compileAfter;
    if (compileAfter !== undefined && !(typeof compileAfter === 'number' && compileAfter >= 0)) {
      throw new ValidationError(
        `Invalid compileAfter ${JSON.stringify(compileAfter)}: use a number of dispatches (0 or more, Infinity for never).`,
      );
    }
    this.#compileAfter = compileAfter;
    const host: EngineHost = {
      logger: this.#logger,
      maxDepth,
      ownerErrorHandler: (plugin) => this.#ownerErrorHandlers.get(plugin),
      notifyPluginError: (payload) => {
        this.#notifyPluginError(payload);
      },
      notifyPluginErrorAsync: (payload) => this.#notifyPluginErrorAsync(payload),
      remove: (reg) => {
        this.#remove(reg);
      },
      returnedPromise: (reg) => {
        this.#invalidate(reg);
      },
    };
    this.#engine = new DispatchEngine(host);
  }

  // ---------------------------------------------------------------- registration

  /**
   * Registers a handler on a typed point, an event name, or a wildcard pattern (`user.*`,
   * `user.**`, `db.{insert,update}`). Returns a function that removes exactly this registration.
   */
  on<T>(point: FilterPoint<T>, handler: FilterHandler<T>, options?: HookOptions): Unsubscribe;
  on<T>(point: NotifyPoint<T>, handler: NotifyHandler<T>, options?: HookOptions): Unsubscribe;
  on<TIn, TOut>(
    point: CollectPoint<TIn, TOut>,
    handler: CollectHandler<TIn, TOut>,
    options?: HookOptions,
  ): Unsubscribe;
  on<TCtx, TResult>(
    point: MiddlewarePoint<TCtx, TResult>,
    handler: MiddlewareHandler<TCtx, TResult>,
    options?: HookOptions,
  ): Unsubscribe;
  on<T = unknown>(event: string, handler: EventHandler<T>, options?: HookOptions): Unsubscribe;
  on(event: string | AnyExtensionPoint, handler: AnyFunction, options?: HookOptions): Unsubscribe;
  on(point: string | AnyExtensionPoint, handler: AnyFunction, options: HookOptions = {}): Unsubscribe {
    let name: string;
    let kind: PointKind | undefined;
    if (typeof point === 'string') {
      name = validateEventName(point, { allowPattern: true });
    } else {
      this.#claim(this.#checkPoint(point));
      name = point.name;
      kind = point.kind;
    }
    if (typeof handler !== 'function') {
      throw new ValidationError(`The handler given for '${name}' is ${String(handler)}; pass a function.`);
    }
    validateHookOptions(options, name);
    const matcher = isPattern(name) ? this.#matcher(name) : undefined;
    const reg = new Registration({
      seq: this.#seq++,
      pattern: name,
      matcher,
      handler,
      priority: resolvePriority(options.priority, name),
      plugin: options.plugin,
      name: handlerName(handler, options.name),
      timeout: options.timeout,
      retries: options.retries ?? 0,
      once: options.once === true,
      declaredAsync: options.async === true || isAsyncFunction(handler),
      kind,
    });
    if (matcher === undefined) {
      const list = this.#exact.get(name);
      if (list === undefined) this.#exact.set(name, [reg]);
      else list.push(reg);
    } else {
      this.#patterns.push(reg);
    }
    if (reg.plugin !== undefined) {
      const owned = this.#byOwner.get(reg.plugin);
      if (owned === undefined) this.#byOwner.set(reg.plugin, new Set([reg]));
      else owned.add(reg);
    }
    this.#invalidate(reg);
    return () => {
      this.#remove(reg);
    };
  }

  /**
   * Removes every registration of `handler` on `point` (the same name or pattern it was registered
   * with), only those of `plugin` when given. Returns whether anything was removed.
   */
  off(point: string | AnyExtensionPoint, handler: AnyFunction, plugin?: string): boolean {
    const name = typeof point === 'string' ? point : point.name;
    const candidates = isPattern(name)
      ? this.#patterns.filter((reg) => reg.pattern === name)
      : (this.#exact.get(name) ?? []);
    const matching = candidates.filter(
      (reg) => reg.handler === handler && (plugin === undefined || reg.plugin === plugin),
    );
    for (const reg of matching) this.#remove(reg);
    return matching.length > 0;
  }

  // ---------------------------------------------------------------- dispatch

  /**
   * Filter (waterfall) dispatch, synchronous: each handler's result is passed to the next;
   * `undefined` keeps the current value. Async handlers are skipped (one warning per handler).
   */
  filter<T>(point: FilterPoint<T>, value: T, options?: DispatchOptions): T;
  filter<T>(event: string, value: T, options?: DispatchOptions): T;
  filter(point: string | FilterPoint<unknown>, value: unknown, options?: DispatchOptions): unknown {
    const plan = this.#plan(point, 'filter');
    const strategy = options === undefined ? this.#strategy : this.#strategyOf(options);
    const runner = plan.sync.filterRunner;
    if (runner !== undefined) return runner(value, strategy);
    return this.#coldSync(plan, value, strategy, SeriesMode.Filter);
  }

  /** Filter dispatch running sync and async handlers in order; resolves to the final value. */
  filterAsync<T>(point: FilterPoint<T>, value: T, options?: DispatchOptions): Promise<T>;
  filterAsync<T>(event: string, value: T, options?: DispatchOptions): Promise<T>;
  filterAsync(
    point: string | FilterPoint<unknown>,
    value: unknown,
    options?: DispatchOptions,
  ): Promise<unknown> {
    return this.#series(point, 'filter', value, options, SeriesMode.Filter);
  }

  /** Notify (broadcast) dispatch, synchronous: every handler gets the payload; results are ignored. */
  notify<T>(point: NotifyPoint<T>, payload: T, options?: DispatchOptions): void;
  notify(event: string, payload?: unknown, options?: DispatchOptions): void;
  notify(point: string | NotifyPoint<unknown>, payload?: unknown, options?: DispatchOptions): void {
    const plan = this.#plan(point, 'notify');
    const strategy = options === undefined ? this.#strategy : this.#strategyOf(options);
    const runner = plan.sync.notifyRunner;
    if (runner !== undefined) runner(payload, strategy);
    else this.#coldSync(plan, payload, strategy, SeriesMode.Notify);
  }

  /**
   * Notify dispatch running sync and async handlers: one after the other, or all at once with
   * `{ parallel: true }`.
   */
  notifyAsync<T>(point: NotifyPoint<T>, payload: T, options?: NotifyAsyncOptions): Promise<void>;
  notifyAsync(event: string, payload?: unknown, options?: NotifyAsyncOptions): Promise<void>;
  notifyAsync(
    point: string | NotifyPoint<unknown>,
    payload?: unknown,
    options?: NotifyAsyncOptions,
  ): Promise<void> {
    if (options?.parallel === true) {
      let plan: DispatchPlan;
      let strategy: ErrorStrategy;
      try {
        plan = this.#plan(point, 'notify');
        strategy = this.#strategyOf(options);
      } catch (error) {
        return rejected(error);
      }
      return runNotifyParallel(this.#engine, plan.all, payload, strategy, plan.tracing);
    }
    return this.#series(point, 'notify', payload, options, SeriesMode.Notify) as Promise<void>;
  }

  /** Collect dispatch, synchronous: the non-`undefined` handler results, in order. */
  collect<TIn, TOut>(point: CollectPoint<TIn, TOut>, input: TIn, options?: DispatchOptions): TOut[];
  collect<TOut = unknown>(event: string, input?: unknown, options?: DispatchOptions): TOut[];
  collect(
    point: string | CollectPoint<unknown, unknown>,
    input?: unknown,
    options?: DispatchOptions,
  ): unknown[] {
    const plan = this.#plan(point, 'collect');
    const strategy = options === undefined ? this.#strategy : this.#strategyOf(options);
    const runner = plan.sync.collectRunner;
    if (runner !== undefined) return runner(input, strategy) as unknown[];
    return this.#coldSync(plan, input, strategy, SeriesMode.Collect) as unknown[];
  }

  /** Collect dispatch running sync and async handlers in order. */
  collectAsync<TIn, TOut>(
    point: CollectPoint<TIn, TOut>,
    input: TIn,
    options?: DispatchOptions,
  ): Promise<TOut[]>;
  collectAsync<TOut = unknown>(event: string, input?: unknown, options?: DispatchOptions): Promise<TOut[]>;
  collectAsync(
    point: string | CollectPoint<unknown, unknown>,
    input?: unknown,
    options?: DispatchOptions,
  ): Promise<unknown[]> {
    return this.#series(point, 'collect', input, options, SeriesMode.Collect) as Promise<unknown[]>;
  }

  /**
   * Middleware (onion) dispatch: the highest priority handler is outermost, each gets
   * `(ctx, next, hookCtx)`, and the innermost `next()` calls `terminal`.
   */
  run<TCtx, TResult>(
    point: MiddlewarePoint<TCtx, TResult>,
    ctx: TCtx,
    terminal: (ctx: TCtx) => TResult | Promise<TResult>,
    options?: DispatchOptions,
  ): Promise<TResult>;
  run<TCtx, TResult>(
    event: string,
    ctx: TCtx,
    terminal: (ctx: TCtx) => TResult | Promise<TResult>,
    options?: DispatchOptions,
  ): Promise<TResult>;
  run(
    point: string | MiddlewarePoint<unknown, unknown>,
    ctx: unknown,
    terminal: (ctx: unknown) => unknown,
    options?: DispatchOptions,
  ): Promise<unknown> {
    let plan: DispatchPlan;
    let strategy: ErrorStrategy;
    try {
      plan = this.#plan(point, 'middleware');
      strategy = this.#strategyOf(options);
      if (typeof terminal !== 'function') {
        throw new ValidationError(`registry.run('${plan.event}', ctx, terminal) needs a terminal function.`);
      }
    } catch (error) {
      return rejected(error);
    }
    return runMiddleware(this.#engine, plan.all, plan.event, ctx, terminal, strategy, plan.tracing);
  }

  // ---------------------------------------------------------------- owners

  /** Skips every handler of `plugin` from the next dispatch on (dispatches in progress are unaffected). */
  disableOwner(plugin: string): void {
    if (this.#disabled.has(plugin)) return;
    this.#disabled.add(plugin);
    this.#invalidateOwner(plugin);
  }

  /** Re-enables the handlers of `plugin`. */
  enableOwner(plugin: string): void {
    if (!this.#disabled.delete(plugin)) return;
    this.#invalidateOwner(plugin);
  }

  /** Whether the handlers of `plugin` run (true unless disabled). */
  isOwnerEnabled(plugin: string): boolean {
    return !this.#disabled.has(plugin);
  }

  /** Removes every handler of `plugin` and its error handler; returns how many handlers were removed. */
  removeOwner(plugin: string): number {
    const owned = this.#byOwner.get(plugin);
    this.#ownerErrorHandlers.delete(plugin);
    if (owned === undefined) return 0;
    const regs = [...owned];
    for (const reg of regs) this.#remove(reg);
    return regs.length;
  }

  /**
   * Sets (or with `undefined` clears) the function called with the `HookError` of each failure of
   * one of `plugin`'s handlers, in every error strategy. Its own errors are logged and swallowed.
   */
  setOwnerErrorHandler(plugin: string, onError: ((error: HookError) => unknown) | undefined): void {
    if (onError === undefined) this.#ownerErrorHandlers.delete(plugin);
    else if (typeof onError === 'function') this.#ownerErrorHandlers.set(plugin, onError);
    else
      throw new ValidationError(`The error handler of plugin '${plugin}' must be a function or undefined.`);
  }

  // ---------------------------------------------------------------- settings

  /** The default error strategy of dispatches. */
  get errorStrategy(): ErrorStrategy {
    return this.#strategy;
  }

  /** Changes the default error strategy; an unknown one throws `ValidationError`. */
  setErrorStrategy(strategy: ErrorStrategy): void {
    this.#strategy = validateErrorStrategy(strategy);
  }

  /** Whether handler runs are traced (logged at debug level and counted in `stats()`). */
  get tracing(): boolean {
    return this.#tracing;
  }

  /** Turns tracing on or off. Tracing costs a clock read per handler run; off, it costs nothing. */
  setTracing(on: boolean): void {
    if (this.#tracing === on) return;
    this.#tracing = on;
    this.#lastKey = NO_KEY;
    this.#plans.clear();
  }

  /** The time limit in ms of handlers registered without their own (`undefined`: none). */
  get defaultTimeout(): number | undefined {
    return this.#defaultTimeout;
  }

  /** Changes the default time limit of handlers registered without their own. */
  setDefaultTimeout(ms: number | undefined): void {
    this.#defaultTimeout = validateTimeout(ms);
    this.#lastKey = NO_KEY;
    this.#plans.clear();
  }

  /** The nesting limit of synchronous dispatches (see `RegistryOptions.maxDepth`). */
  get maxDepth(): number {
    return this.#maxDepth;
  }

  // ---------------------------------------------------------------- introspection

  /**
   * Every known point (names with handlers and typed points seen by the registry) with the handlers
   * a dispatch would consider, in order, then one entry per wildcard pattern.
   */
  describe(): PointDescription[] {
    const names = new Set([...this.#points.keys(), ...this.#exact.keys()]);
    const describeHandler = (reg: Registration): HandlerDescription => ({
      plugin: reg.plugin,
      priority: reg.priority,
      name: reg.name,
      pattern: reg.pattern,
      enabled: reg.plugin === undefined || !this.#disabled.has(reg.plugin),
    });
    const points = [...names].sort().map((name): PointDescription => {
      const point = this.#points.get(name);
      return {
        name,
        kind: point?.kind,
        description: point?.description,
        wildcard: false,
        handlers: this.#matching(name).map(describeHandler),
      };
    });
    const patterns = [...new Set(this.#patterns.map((reg) => reg.pattern))].map(
      (pattern): PointDescription => ({
        name: pattern,
        kind: undefined,
        description: undefined,
        wildcard: true,
        handlers: this.#patterns
          .filter((reg) => reg.pattern === pattern)
          .sort(byDispatchOrder)
          .map(describeHandler),
      }),
    );
    return [...points, ...patterns];
  }

  /** The names and patterns that have at least one handler, in order of first registration. */
  events(): string[] {
    const regs = [...[...this.#exact.values()].flat(), ...this.#patterns].sort((a, b) => a.seq - b.seq);
    return [...new Set(regs.map((reg) => reg.pattern))];
  }

  /** Whether dispatching `point` would run at least one (enabled) handler. */
  hasHandlers(point: string | AnyExtensionPoint): boolean {
    const name = typeof point === 'string' ? point : point.name;
    return (this.#plans.get(name) ?? this.#compile(name)).all.entries.length > 0;
  }

  /** Per-handler counters collected while tracing was on. */
  stats(): HandlerStats[] {
    const regs = [...[...this.#exact.values()].flat(), ...this.#patterns].sort((a, b) => a.seq - b.seq);
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

  /** Sets every counter of `stats()` back to zero. */
  resetStats(): void {
    for (const reg of [...[...this.#exact.values()].flat(), ...this.#patterns]) {
      reg.stats.calls = 0;
      reg.stats.errors = 0;
      reg.stats.totalMs = 0;
      reg.stats.maxMs = 0;
    }
  }

  // ---------------------------------------------------------------- internals

  #strategyOf(options: DispatchOptions | undefined): ErrorStrategy {
    const strategy = options?.errorStrategy;
    return strategy === undefined ? this.#strategy : validateErrorStrategy(strategy);
  }

  #checkPoint(point: AnyExtensionPoint): AnyExtensionPoint {
    if (
      typeof point !== 'object' ||
      (point as unknown) === null ||
      typeof point.name !== 'string' ||
      !POINT_KINDS.includes(point.kind)
    ) {
      throw new ValidationError(
        `Expected an event name or an extension point made by defineFilter/defineNotify/defineCollect/` +
          `defineMiddleware, got ${JSON.stringify(point)}.`,
      );
    }
    return point;
  }

  /** Records the kind of a typed point; a name used with two kinds throws. */
  #claim(point: AnyExtensionPoint): void {
    const known = this.#points.get(point.name);
    if (known === undefined) {
      this.#points.set(point.name, { kind: point.kind, description: point.description });
      // A cached plain-name dispatch of this name must now be checked against the kind.
      this.#lastKey = NO_KEY;
      const plan = this.#plans.get(point.name);
      if (plan !== undefined) plan.kind = point.kind;
      return;
    }
    if (known.kind !== point.kind) {
      throw new ValidationError(
        `'${point.name}' is already a ${known.kind} point, so a ${point.kind} point cannot use the same name; ` +
          `rename one of them (or use ${DISPATCHER[known.kind]}).`,
      );
    }
  }

  /** The compiled plan for a dispatch of `point` as `kind`; checks the kind. */
  #plan(point: string | AnyExtensionPoint, kind: PointKind): DispatchPlan {
    if (point === this.#lastKey && kind === this.#lastKind) return this.#lastPlan as DispatchPlan;
    const plan = this.#resolvePlan(point, kind);
    this.#lastKey = point;
    this.#lastKind = kind;
    this.#lastPlan = plan;
    return plan;
  }

  #resolvePlan(point: string | AnyExtensionPoint, kind: PointKind): DispatchPlan {
    let name: string;
    if (typeof point === 'string') {
      name = point;
    } else {
      if (point.kind !== kind) throw wrongKind(point.name, point.kind, kind);
      name = point.name;
    }
    const plan = this.#plans.get(name) ?? this.#compile(name);
    if (plan.kind !== kind) {
      if (plan.kind !== undefined) throw wrongKind(name, plan.kind, kind);
      if (typeof point !== 'string') this.#claim(this.#checkPoint(point));
    }
    return plan;
  }

  #series(
    point: string | AnyExtensionPoint,
    kind: PointKind,
    input: unknown,
    options: DispatchOptions | undefined,
    mode: SeriesMode,
  ): Promise<unknown> {
    let plan: DispatchPlan;
    let strategy: ErrorStrategy;
    try {
      plan = this.#plan(point, kind);
      strategy = options === undefined ? this.#strategy : this.#strategyOf(options);
    } catch (error) {
      return rejected(error);
    }
    const section = plan.all;
    const runner =
      mode === SeriesMode.Filter
        ? section.filterAsyncRunner
        : mode === SeriesMode.Notify
          ? section.notifyAsyncRunner
          : section.collectAsyncRunner;
    if (runner !== undefined) return runner(input, strategy);
    return this.#coldAsync(plan, input, strategy, mode);
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

  /** Asynchronous dispatch through the loops (plans not yet hot, or using per-handler features). */
  #coldAsync(
    plan: DispatchPlan,
    input: unknown,
    strategy: ErrorStrategy,
    mode: SeriesMode,
  ): Promise<unknown> {
    const section = plan.all;
    if (!section.plain)
      return runGeneralAsync(this.#engine, section, plan.event, input, strategy, mode, plan.tracing);
    if (this.#isHot(section, mode, true)) {
      const runner: AsyncRunner | undefined = generateAsyncRunner(this.#engine, section, plan.event, mode);
      if (runner === undefined) {
        section.noRunners = true;
      } else {
        if (mode === SeriesMode.Filter) section.filterAsyncRunner = runner;
        else if (mode === SeriesMode.Notify) section.notifyAsyncRunner = runner;
        else section.collectAsyncRunner = runner;
        return runner(input, strategy);
      }
    }
    return runSeriesAsync(this.#engine, section, plan.event, input, strategy, mode);
  }

  /** Synchronous dispatch through the loops (plans not yet hot, with warnings due, or using features). */
  #coldSync(plan: DispatchPlan, input: unknown, strategy: ErrorStrategy, mode: SeriesMode): unknown {
    const pending = plan.pendingWarnings;
    if (pending !== undefined) {
      plan.pendingWarnings = undefined;
      for (const reg of pending) this.#engine.warnSkipped(reg, plan.event);
    }
    const section = plan.sync;
    if (!section.plain)
      return runGeneralSync(this.#engine, section, plan.event, input, strategy, mode, plan.tracing);
    if (this.#isHot(section, mode, false)) {
      const runner: SyncRunner | undefined = generateSyncRunner(this.#engine, section, plan.event, mode);
      if (runner === undefined) {
        section.noRunners = true;
      } else {
        if (mode === SeriesMode.Filter) section.filterRunner = runner;
        else if (mode === SeriesMode.Notify) section.notifyRunner = runner;
        else section.collectRunner = runner;
        return runner(input, strategy);
      }
    }
    if (mode === SeriesMode.Filter) return runFilterSync(this.#engine, section, plan.event, input, strategy);
    if (mode === SeriesMode.Collect)
      return runCollectSync(this.#engine, section, plan.event, input, strategy);
    return runNotifySync(this.#engine, section, plan.event, input, strategy);
  }

  /** The enabled and disabled handlers matching `name`, in dispatch order. */
  #matching(name: string, segments: readonly string[] = name.split('.')): Registration[] {
    const regs = [...(this.#exact.get(name) ?? [])];
    if (this.#patterns.length > 0) {
      for (const reg of this.#patterns) if (reg.matcher?.matches(name, segments) === true) regs.push(reg);
    }
    return regs.sort(byDispatchOrder);
  }

  #compile(name: string): DispatchPlan {
    const segments = name.split('.');
    let regs = this.#matching(name, segments);
    if (this.#disabled.size > 0) {
      regs = regs.filter((reg) => reg.plugin === undefined || !this.#disabled.has(reg.plugin));
    }
    const plan = compilePlan({
      event: name,
      segments,
      kind: this.#points.get(name)?.kind,
      regs,
      defaultTimeout: this.#defaultTimeout,
      tracing: this.#tracing,
      contextOf: (reg) => reg.contextFor(name),
    });
    this.#lastKey = NO_KEY;
    if (this.#plans.size >= MAX_CACHED_PLANS) {
      const oldest = this.#plans.keys().next();
      if (oldest.done !== true) this.#plans.delete(oldest.value);
    }
    this.#plans.set(name, plan);
    return plan;
  }

  #matcher(pattern: string): PatternMatcher {
    let matcher = this.#matchers.get(pattern);
    if (matcher === undefined) {
      matcher = compilePattern(pattern);
      this.#matchers.set(pattern, matcher);
    }
    return matcher;
  }

  /** Drops the cached plans a change of `reg` affects. */
  #invalidate(reg: Registration): void {
    this.#lastKey = NO_KEY;
    const matcher = reg.matcher;
    if (matcher === undefined) {
      this.#plans.delete(reg.pattern);
      return;
    }
    for (const [name, plan] of this.#plans)
      if (matcher.matches(name, plan.segments)) this.#plans.delete(name);
  }

  #invalidateOwner(plugin: string): void {
    for (const reg of this.#byOwner.get(plugin) ?? []) this.#invalidate(reg);
  }

  #remove(reg: Registration): boolean {
    if (reg.removed) return false;
    reg.removed = true;
    if (reg.matcher === undefined) {
      const list = this.#exact.get(reg.pattern);
      if (list !== undefined) {
        const index = list.indexOf(reg);
        if (index >= 0) list.splice(index, 1);
        if (list.length === 0) this.#exact.delete(reg.pattern);
      }
    } else {
      const index = this.#patterns.indexOf(reg);
      if (index >= 0) this.#patterns.splice(index, 1);
      if (!this.#patterns.some((other) => other.pattern === reg.pattern)) this.#matchers.delete(reg.pattern);
    }
    if (reg.plugin !== undefined) {
      const owned = this.#byOwner.get(reg.plugin);
      owned?.delete(reg);
      if (owned?.size === 0) this.#byOwner.delete(reg.plugin);
    }
    this.#invalidate(reg);
    return true;
  }

  #notifyPluginError(payload: PluginErrorPayload): void {
    try {
      this.notify(PLUGIN_ERROR_EVENT, payload, LOG_AND_CONTINUE);
    } catch (error) {
      this.#pluginErrorFailed(payload, error);
    }
  }

  async #notifyPluginErrorAsync(payload: PluginErrorPayload): Promise<void> {
    try {
      await this.notifyAsync(PLUGIN_ERROR_EVENT, payload, LOG_AND_CONTINUE);
    } catch (error) {
      this.#pluginErrorFailed(payload, error);
    }
  }

  #pluginErrorFailed(payload: PluginErrorPayload, error: unknown): void {
    if (error instanceof Error && (error as { code?: unknown }).code === 'TRELLIS_HOOK_RECURSION')
      throw error;
    this.#logger.error(
      { event: PLUGIN_ERROR_EVENT, plugin: payload.pluginName, err: error },
      `Notifying '${PLUGIN_ERROR_EVENT}' about a failure on '${payload.event}' failed.`,
    );
  }
}
