import { showValue } from '../errors/showValue.js';
import { ColdDispatch } from '../dispatch/ColdDispatch.js';
import { compilePlan } from '../dispatch/compilePlan.js';
import { DispatchEngine, type EngineHost } from '../dispatch/DispatchEngine.js';
import { isPassThrough } from '../dispatch/isPassThrough.js';
import type { DispatchPlan } from '../dispatch/DispatchPlan.js';
import { rejected } from '../dispatch/rejected.js';
import { runMiddleware } from '../dispatch/runMiddleware.js';
import { runNotifyParallel } from '../dispatch/runNotifyParallel.js';
import { SeriesMode } from '../dispatch/SeriesMode.js';
import type { HookError } from '../errors/HookError.js';
import { ValidationError } from '../errors/ValidationError.js';
import type {
  CollectHandler,
  FilterHandler,
  MiddlewareHandler,
  NotifyHandler,
} from '../handlers/handlerTypes.js';
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
import type { AnyFunction } from './AnyFunction.js';
import { checkPoint } from './checkPoint.js';
import { collectStats } from './collectStats.js';
import { describePoints } from './describePoints.js';
import type { DispatchOptions, NotifyAsyncOptions } from './DispatchOptions.js';
import type { ErrorStrategy } from './ErrorStrategy.js';
import type { EventHandler } from './EventHandler.js';
import { HandlerStore } from './HandlerStore.js';
import type { HandlerStats } from './HandlerStats.js';
import type { HookLogger } from './HookLogger.js';
import { guardLogger } from './guardLogger.js';
import { noopLogger } from './noopLogger.js';
import { Owners } from './Owners.js';
import { PlanCache } from './PlanCache.js';
import { PLUGIN_ERROR_EVENT } from './PLUGIN_ERROR_EVENT.js';
import type { PluginErrorPayload } from './PluginErrorPayload.js';
import type { PointDescription } from './PointDescription.js';
import { PointKinds } from './PointKinds.js';
import { Registration, registrationOptions } from './Registration.js';
import type { RegistryOptions } from './RegistryOptions.js';
import { resetStats } from './resetStats.js';
import type { Unsubscribe } from './Unsubscribe.js';
import { validateErrorStrategy } from './validateErrorStrategy.js';
import { validateHookOptions } from './validateHookOptions.js';
import { validateTimeout } from './validateTimeout.js';
import { wrongKind } from './wrongKind.js';

const DEFAULT_MAX_DEPTH = 100;
/** Marks the one-entry dispatch cache as empty. */
const NO_KEY: object = Object.freeze({});
const LOG_AND_CONTINUE: DispatchOptions = Object.freeze({ errorStrategy: 'log-and-continue' });

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
  readonly #cold: ColdDispatch;
  readonly #store = new HandlerStore();
  readonly #plans = new PlanCache();
  readonly #kinds = new PointKinds();
  readonly #owners = new Owners();
  /**
   * One-entry inline cache of the last dispatch: the point (or name) and kind it was called with
   * and the plan it resolved to. Hot loops dispatching one point skip the map lookup; any change
   * to the plan cache empties it.
   */
  #lastKey: unknown = NO_KEY;
  #lastKind: PointKind | undefined = undefined;
  #lastPlan: DispatchPlan | undefined = undefined;

  constructor(options: RegistryOptions = {}) {
    this.#strategy = validateErrorStrategy(options.errorStrategy ?? 'log-and-continue');
    this.#defaultTimeout = validateTimeout(options.defaultTimeout);
    this.#tracing = options.tracing === true;
    this.#logger = options.logger === undefined ? noopLogger : guardLogger(options.logger);
    const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    if (!Number.isSafeInteger(maxDepth) || maxDepth < 1) {
      throw new ValidationError(`Invalid maxDepth ${showValue(maxDepth)}: use a whole number of 1 or more.`);
    }
    this.#maxDepth = maxDepth;
    const compileAfter = options.compileAfter;
    if (compileAfter !== undefined && !(typeof compileAfter === 'number' && compileAfter >= 0)) {
      throw new ValidationError(
        `Invalid compileAfter ${showValue(compileAfter)}: use a number of dispatches (0 or more, Infinity for never).`,
      );
    }
    const host: EngineHost = {
      logger: this.#logger,
      maxDepth,
      ownerErrorHandler: (plugin) => this.#owners.errorHandler(plugin),
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
    this.#cold = new ColdDispatch(this.#engine, compileAfter);
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
    if (typeof point === 'string') {
      name = validateEventName(point, { allowPattern: true });
    } else {
      this.#claim(checkPoint(point));
      name = point.name;
    }
    if (typeof handler !== 'function') {
      throw new ValidationError(`The handler given for '${name}' is ${String(handler)}; pass a function.`);
    }
    validateHookOptions(options, name);
    const reg = new Registration({
      seq: this.#store.nextSeq(),
      pattern: name,
      matcher: this.#store.matcherFor(name),
      handler,
      priority: resolvePriority(options.priority, name),
      plugin: options.plugin,
      options: registrationOptions(
        options.name,
        options.timeout,
        options.retries ?? 0,
        options.once === true,
      ),
      declaredAsync: options.async === true || isAsyncFunction(handler),
    });
    this.#store.add(reg);
    this.#owners.add(reg);
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
    const matching = this.#store
      .registeredAs(name)
      .filter((reg) => reg.handler === handler && (plugin === undefined || reg.plugin === plugin));
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
    return this.#cold.sync(plan, value, strategy, SeriesMode.Filter);
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
    else this.#cold.sync(plan, payload, strategy, SeriesMode.Notify);
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
    return this.#cold.sync(plan, input, strategy, SeriesMode.Collect) as unknown[];
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
    if (this.#owners.disable(plugin)) this.#invalidateOwner(plugin);
  }

  /** Re-enables the handlers of `plugin`. */
  enableOwner(plugin: string): void {
    if (this.#owners.enable(plugin)) this.#invalidateOwner(plugin);
  }

  /** Whether the handlers of `plugin` run (true unless disabled). */
  isOwnerEnabled(plugin: string): boolean {
    return this.#owners.isEnabled(plugin);
  }

  /** Removes every handler of `plugin` and its error handler; returns how many handlers were removed. */
  removeOwner(plugin: string): number {
    const regs = this.#owners.registrationsOf(plugin);
    this.#owners.setErrorHandler(plugin, undefined);
    for (const reg of regs) this.#remove(reg);
    return regs.length;
  }

  /**
   * Sets (or with `undefined` clears) the function called with the `HookError` of each failure of
   * one of `plugin`'s handlers, in every error strategy. Its own errors are logged and swallowed.
   */
  setOwnerErrorHandler(plugin: string, onError: ((error: HookError) => unknown) | undefined): void {
    this.#owners.setErrorHandler(plugin, onError);
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
    this.#clearPlans();
  }

  /** The time limit in ms of handlers registered without their own (`undefined`: none). */
  get defaultTimeout(): number | undefined {
    return this.#defaultTimeout;
  }

  /** Changes the default time limit of handlers registered without their own. */
  setDefaultTimeout(ms: number | undefined): void {
    this.#defaultTimeout = validateTimeout(ms);
    this.#clearPlans();
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
    return describePoints(this.#store, this.#kinds, this.#owners);
  }

  /** The names and patterns that have at least one handler, in order of first registration. */
  events(): string[] {
    return [...new Set(this.#store.all().map((reg) => reg.pattern))];
  }

  /** Whether dispatching `point` would run at least one (enabled) handler. */
  hasHandlers(point: string | AnyExtensionPoint): boolean {
    const name = typeof point === 'string' ? point : point.name;
    return (this.#plans.get(name) ?? this.#compile(name)).all.regs.length > 0;
  }

  /** Per-handler counters collected while tracing was on. */
  stats(): HandlerStats[] {
    return collectStats(this.#store.all());
  }

  /** Sets every counter of `stats()` back to zero. */
  resetStats(): void {
    resetStats(this.#store.all());
  }

  // ---------------------------------------------------------------- internals

  #strategyOf(options: DispatchOptions | undefined): ErrorStrategy {
    const strategy = options?.errorStrategy;
    return strategy === undefined ? this.#strategy : validateErrorStrategy(strategy);
  }

  /** Records the kind of a typed point; a name used with two kinds throws. */
  #claim(point: AnyExtensionPoint): void {
    if (!this.#kinds.claim(point)) return;
    // A cached plain-name dispatch of this name must now be checked against the kind.
    this.#lastKey = NO_KEY;
    const plan = this.#plans.get(point.name);
    if (plan !== undefined) plan.kind = point.kind;
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
      if (typeof point !== 'string') this.#claim(checkPoint(point));
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
    return this.#cold.async(plan, input, strategy, mode);
  }

  #compile(name: string): DispatchPlan {
    const segments = name.split('.');
    let regs = this.#store.matching(name, segments);
    if (this.#owners.anyDisabled) regs = regs.filter((reg) => this.#owners.runs(reg));
    const plan = compilePlan({
      event: name,
      segments,
      kind: this.#kinds.get(name)?.kind,
      regs,
      defaultTimeout: this.#defaultTimeout,
      tracing: this.#tracing,
      contextOf: (reg) => reg.contextFor(name),
    });
    this.#lastKey = NO_KEY;
    this.#plans.set(plan);
    return plan;
  }

  /** Drops the cached plans a change of `reg` affects. */
  #invalidate(reg: Registration): void {
    this.#lastKey = NO_KEY;
    this.#plans.invalidate(reg);
  }

  #invalidateOwner(plugin: string): void {
    for (const reg of this.#owners.registrationsOf(plugin)) this.#invalidate(reg);
  }

  /** Drops every cached plan (a setting that every plan depends on changed). */
  #clearPlans(): void {
    this.#lastKey = NO_KEY;
    this.#plans.clear();
  }

  #remove(reg: Registration): boolean {
    if (reg.removed) return false;
    reg.removed = true;
    this.#store.delete(reg);
    this.#owners.delete(reg);
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
    if (isPassThrough(error)) throw error;
    this.#logger.error(
      { event: PLUGIN_ERROR_EVENT, plugin: payload.pluginName, err: error },
      `Notifying '${PLUGIN_ERROR_EVENT}' about a failure on '${payload.event}' failed.`,
    );
  }
}
