import { ColdDispatch } from '../dispatch/ColdDispatch.js';
import { DispatchEngine } from '../dispatch/DispatchEngine.js';
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
import { collectStats } from './collectStats.js';
import { createRegistration } from './createRegistration.js';
import { describePoints } from './describePoints.js';
import type { DispatchOptions, NotifyAsyncOptions } from './DispatchOptions.js';
import { DispatchPlans } from './DispatchPlans.js';
import type { ErrorStrategy } from './ErrorStrategy.js';
import type { EventHandler } from './EventHandler.js';
import { guardLogger } from './guardLogger.js';
import { HandlerStore } from './HandlerStore.js';
import type { HandlerStats } from './HandlerStats.js';
import { noopLogger } from './noopLogger.js';
import { Owners } from './Owners.js';
import { PLUGIN_ERROR_EVENT } from './PLUGIN_ERROR_EVENT.js';
import { PluginErrorNotifier } from './PluginErrorNotifier.js';
import type { PointDescription } from './PointDescription.js';
import type { Registration } from './Registration.js';
import type { RegistryOptions } from './RegistryOptions.js';
import { reportWarning } from './reportWarning.js';
import { resetStats } from './resetStats.js';
import type { Unsubscribe } from './Unsubscribe.js';
import type { UntypedTarget } from './UntypedTarget.js';
import { validateErrorStrategy } from './validateErrorStrategy.js';
import { validateRegistryOptions } from './validateRegistryOptions.js';
import { validateTimeout } from './validateTimeout.js';

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
  #tracing: boolean;
  #stats: boolean;
  readonly #maxDepth: number;
  readonly #engine: DispatchEngine;
  readonly #cold: ColdDispatch;
  readonly #store = new HandlerStore();
  readonly #owners = new Owners();
  readonly #plans: DispatchPlans;

  constructor(options: RegistryOptions = {}) {
    const { maxDepth, compileAfter } = validateRegistryOptions(options);
    this.#strategy = validateErrorStrategy(options.errorStrategy ?? 'log-and-continue');
    this.#tracing = options.tracing === true;
    this.#stats = options.stats === true;
    const logger = options.logger === undefined ? noopLogger : guardLogger(options.logger);
    this.#maxDepth = maxDepth;
    const strict = options.strict === true;
    this.#plans = new DispatchPlans(this.#store, this.#owners, {
      defaultTimeout: validateTimeout(options.defaultTimeout),
      observed: this.#tracing || this.#stats,
      countOnly: this.#stats && !this.#tracing,
      strict,
    });
    const notifier = new PluginErrorNotifier(
      {
        notify: (payload) => {
          this.notify(PLUGIN_ERROR_EVENT, payload, LOG_AND_CONTINUE);
        },
        notifyAsync: (payload) => this.notifyAsync(PLUGIN_ERROR_EVENT, payload, LOG_AND_CONTINUE),
      },
      logger,
    );
    const onWarning = options.onWarning;
    this.#engine = new DispatchEngine({
      logger,
      maxDepth,
      strict,
      ownerErrorHandler: (plugin) => this.#owners.errorHandler(plugin),
      notifyPluginError: (payload) => {
        notifier.notify(payload);
      },
      notifyPluginErrorAsync: (payload) => notifier.notifyAsync(payload),
      remove: (reg) => {
        this.#remove(reg);
      },
      returnedPromise: (reg) => {
        this.#plans.invalidate(reg);
      },
      warn: (warning) => {
        reportWarning(onWarning, warning, logger);
      },
    });
    this.#engine.logTraces = this.#tracing;
    this.#cold = new ColdDispatch(this.#engine, compileAfter);
  }

  // ---------------------------------------------------------------- registration

  /**
   * Registers a handler on a typed point, an event name, or a wildcard pattern (`user.*`,
   * `user.**`, `db.{insert,update}`). Returns a function that removes exactly this registration.
   * An async handler on a point of mode `'sync'` throws `ValidationError`.
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
  on<TTarget extends string | AnyExtensionPoint>(
    event: TTarget & UntypedTarget<TTarget>,
    handler: AnyFunction,
    options?: HookOptions,
  ): Unsubscribe;
  on(point: string | AnyExtensionPoint, handler: AnyFunction, options: HookOptions = {}): Unsubscribe {
    let name: string;
    if (typeof point === 'string') {
      name = validateEventName(point, { allowPattern: true });
    } else {
      this.#plans.claim(point);
      name = point.name;
    }
    const mode = this.#plans.kinds.get(name)?.mode;
    const reg = createRegistration(this.#store, name, handler, options, mode);
    this.#store.add(reg);
    this.#owners.add(reg);
    this.#plans.invalidate(reg);
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
   * `undefined` keeps the current value. Async handlers are skipped (one warning per handler); a
   * point of mode `'async'` throws `ValidationError` (use `filterAsync`).
   */
  filter<T>(point: FilterPoint<T>, value: T, options?: DispatchOptions): T;
  filter<T>(event: string, value: T, options?: DispatchOptions): T;
  filter(point: string | FilterPoint<unknown>, value: unknown, options?: DispatchOptions): unknown {
    const plan = this.#plans.plan(point, 'filter');
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
    const plan = this.#plans.plan(point, 'notify');
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
        plan = this.#plans.plan(point, 'notify');
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
    const plan = this.#plans.plan(point, 'collect');
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
      plan = this.#plans.plan(point, 'middleware');
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
    this.#engine.logTraces = on;
    this.#observe();
  }

  /** Whether `stats()` counts handler runs (stats or tracing on). */
  get statsEnabled(): boolean {
    return this.#stats || this.#tracing;
  }

  /**
   * Counts calls, errors and durations per handler for `stats()` from now on, without tracing's
   * debug logs. Counting costs a clock read per handler run (the general dispatch loops); off, it
   * costs nothing.
   */
  enableStats(): void {
    if (this.#stats) return;
    this.#stats = true;
    this.#observe();
  }

  /** Stops counting (unless tracing is on); the counters keep their values. */
  disableStats(): void {
    if (!this.#stats) return;
    this.#stats = false;
    this.#observe();
  }

  /** The time limit in ms of handlers registered without their own (`undefined`: none). */
  get defaultTimeout(): number | undefined {
    return this.#plans.settings.defaultTimeout;
  }

  /**
   * Changes the default time limit of handlers registered without their own (`undefined` or
   * `Infinity`: none; at most 2^31 − 1 ms).
   */
  setDefaultTimeout(ms: number | undefined): void {
    this.#plans.settings = { ...this.#plans.settings, defaultTimeout: validateTimeout(ms) };
  }

  /** Whether a synchronous dispatch's skip of an async handler is a failure (the `strict` option). */
  get strict(): boolean {
    return this.#plans.settings.strict;
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
    return describePoints(this.#store, this.#plans.kinds, this.#owners);
  }

  /** The names and patterns that have at least one handler, in order of first registration. */
  events(): string[] {
    return [...new Set(this.#store.all().map((reg) => reg.pattern))];
  }

  /** Whether dispatching `point` would run at least one (enabled) handler. */
  hasHandlers(point: string | AnyExtensionPoint): boolean {
    return this.#plans.hasHandlers(point);
  }

  /**
   * Per-handler counters (calls, errors, total, mean and longest duration), keyed by the name or
   * pattern registered and the owner; collected while stats (`enableStats()`, option `stats`) or
   * tracing were on.
   */
  stats(): HandlerStats[] {
    this.#engine.flushTallies();
    return collectStats(this.#store.all());
  }

  /** Sets every counter of `stats()` back to zero. */
  resetStats(): void {
    this.#engine.flushTallies();
    resetStats(this.#store.all());
  }

  // ---------------------------------------------------------------- internals

  #strategyOf(options: DispatchOptions | undefined): ErrorStrategy {
    const strategy = options?.errorStrategy;
    return strategy === undefined ? this.#strategy : validateErrorStrategy(strategy);
  }

  /** Stats or tracing changed: plans switch between the plain and the counting loops. */
  #observe(): void {
    this.#plans.settings = {
      ...this.#plans.settings,
      observed: this.#tracing || this.#stats,
      countOnly: this.#stats && !this.#tracing,
    };
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
      plan = this.#plans.plan(point, kind);
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

  #invalidateOwner(plugin: string): void {
    for (const reg of this.#owners.registrationsOf(plugin)) this.#plans.invalidate(reg);
  }

  #remove(reg: Registration): boolean {
    if (reg.removed) return false;
    reg.removed = true;
    this.#store.delete(reg);
    this.#owners.delete(reg);
    this.#plans.invalidate(reg);
    return true;
  }
}
