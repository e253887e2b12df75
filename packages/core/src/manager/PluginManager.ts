import 'reflect-metadata';
import {
  ExtensionRegistry,
  getHookDeclarations,
  TrellisError,
  ValidationError,
  type AnyExtensionPoint,
  type AnyFunction,
  type ErrorStrategy,
  type FilterPoint,
  type HookError,
  type HookOptions,
} from '@trellis/extensions';
import { Container, type BindingIdentifier, type Newable, type ServiceIdentifier } from 'inversify';
import { createPluginConfig } from '../config/createPluginConfig.js';
import { redactConfig } from '../config/redactConfig.js';
import { validateConfig } from '../config/validateConfig.js';
import type { HookHandler, HookTarget } from '../context/HookTarget.js';
import { ManagedPluginContext } from '../context/ManagedPluginContext.js';
import { ConfigValidationError } from '../errors/ConfigValidationError.js';
import { PluginLoadError } from '../errors/PluginLoadError.js';
import { PluginNotFoundError } from '../errors/PluginNotFoundError.js';
import { PluginRegistrationError } from '../errors/PluginRegistrationError.js';
import { StartupError } from '../errors/StartupError.js';
import { collectInjectedIdentifiers } from '../dependencies/collectInjectedIdentifiers.js';
import { LIFECYCLE_EVENTS, type AppLifecycleEvent } from '../lifecycle/LIFECYCLE_EVENTS.js';
import type { PluginState } from '../lifecycle/PluginState.js';
import type {
  LoadReport,
  PluginFailure,
  ReloadReport,
  StartReport,
  StopReport,
} from '../lifecycle/reports.js';
import { runLifecycleMethod } from '../lifecycle/runLifecycleMethod.js';
import { createRootLogger } from '../logging/createRootLogger.js';
import type { Logger } from '../logging/Logger.js';
import { ATTACH_CONTEXT } from '../plugins/attachContext.js';
import { getPluginOptions } from '../plugins/getPluginOptions.js';
import { PluginBase } from '../plugins/PluginBase.js';
import type { PluginClass } from '../plugins/PluginClass.js';
import type { PluginMetadata } from '../plugins/PluginOptions.js';
import { validatePluginOptions } from '../plugins/validatePluginOptions.js';
import { TOKENS } from '../tokens/TOKENS.js';
import { TRELLIS_VERSION } from '../version.js';
import { buildDependencyGraph } from './buildDependencyGraph.js';
import type { DependencyGraph } from './DependencyGraph.js';
import { findDependencyProblem, type DependencyStanding } from './findDependencyProblem.js';
import type { PluginDescriptor, PluginGraph, PluginStatus } from './PluginStatus.js';
import type { PluginFailureMode, PluginManagerOptions } from './PluginManagerOptions.js';
import { PluginRecord, type LivePlugin } from './PluginRecord.js';
import type { ShutdownHooksOptions } from './ShutdownHooksOptions.js';
import { toJsonSafe } from './toJsonSafe.js';

/** Options of `register()`. */
export interface RegisterOptions {
  /** Replace a plugin registered under the same name by another class. */
  readonly replace?: boolean;
}

const FAILURE_MODES: readonly PluginFailureMode[] = ['isolate', 'abort'];

const isAsyncFunction = (fn: unknown): boolean =>
  typeof fn === 'function' &&
  (fn as { constructor?: { name?: unknown } }).constructor?.name === 'AsyncFunction';

const describeThing = (value: unknown): string =>
  typeof value === 'function'
    ? `class ${value.name || '(anonymous)'}`
    : value === null
      ? 'null'
      : typeof value;

const isUnexpectedAsync = (error: unknown): boolean =>
  error instanceof Error && /asynchronous service/i.test(error.message);

function checkPositive(name: string, value: unknown, allowUndefined: boolean): void {
  if (value === undefined && allowUndefined) return;
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) {
    throw new ValidationError(
      `Invalid option ${name}: ${String(value)}. Use a positive number of milliseconds` +
        (name === 'lifecycleTimeout' ? ` (or Infinity for no limit).` : '.'),
    );
  }
}

/**
 * The host side of Trellis: registers plugin classes, instantiates them through an inversify
 * container, runs their lifecycle in dependency order with failure isolation and timeouts, and
 * dispatches their hooks through an `ExtensionRegistry`.
 *
 * @example
 * ```ts
 * const manager = new PluginManager({ config: { welcome: { greeting: 'Hi' } } });
 * manager.register(WelcomePlugin);
 * await manager.start();
 * manager.trigger('user.login', { username: 'Alice' });
 * await manager.close();
 * ```
 */
export class PluginManager {
  /** The lifecycle notify points the manager dispatches. */
  static readonly EVENTS = LIFECYCLE_EVENTS;

  readonly #logger: Logger;
  readonly #config: Readonly<Record<string, unknown>>;
  readonly #validateMetadata: boolean;
  readonly #lifecycleTimeout: number;
  readonly #failureMode: PluginFailureMode;
  readonly #container: Container;
  readonly #registry: ExtensionRegistry;

  readonly #records = new Map<string, PluginRecord>();
  readonly #byClass = new Map<PluginClass, PluginRecord>();
  readonly #providedBy = new Map<ServiceIdentifier, string>();
  /** Started plugins in start order; stop() walks it backwards. */
  readonly #started = new Set<PluginRecord>();
  /** The plugins being instantiated (innermost last): whose Logger/Config/Context to inject. */
  readonly #resolving: LivePlugin[] = [];
  #graphCache: DependencyGraph | undefined;
  #seq = 0;
  #running = false;
  #starting: Promise<StartReport> | undefined;
  #stopping: Promise<StopReport> | undefined;
  #asyncResolution: Promise<unknown> = Promise.resolve();
  #shutdownHooks:
    | { readonly signals: readonly NodeJS.Signals[]; readonly listener: (signal: NodeJS.Signals) => void }
    | undefined;

  constructor(options: PluginManagerOptions = {}) {
    const failureMode = options.onPluginFailure ?? 'isolate';
    if (!FAILURE_MODES.includes(failureMode)) {
      throw new ValidationError(
        `Invalid option onPluginFailure: ${JSON.stringify(failureMode)}. Use 'isolate' or 'abort'.`,
      );
    }
    checkPositive('lifecycleTimeout', options.lifecycleTimeout ?? 30_000, false);
    checkPositive('hookTimeout', options.hookTimeout, true);
    this.#failureMode = failureMode;
    this.#lifecycleTimeout = options.lifecycleTimeout ?? 30_000;
    this.#validateMetadata = options.validateMetadata ?? true;
    this.#config = options.config ?? {};
    this.#logger = createRootLogger(options.logger, options.logLevel ?? 'info');
    this.#registry = new ExtensionRegistry({
      logger: this.#logger,
      ...(options.hookTimeout === undefined ? {} : { defaultTimeout: options.hookTimeout }),
    });
    this.#registry.setErrorStrategy(options.errorStrategy ?? 'log-and-continue');
    this.#container = new Container(options.container === undefined ? {} : { parent: options.container });
    this.#bindCoreTokens();
  }

  /** The inversify container plugins are instantiated from (a child of the host's, if given). */
  get container(): Container {
    return this.#container;
  }

  /** The extension-point registry the plugins' hooks live in. */
  get extensions(): ExtensionRegistry {
    return this.#registry;
  }

  // ---------------------------------------------------------------- registration

  /**
   * Registers plugin classes (validating their metadata) and returns their names. Registering the
   * same class again is a no-op; another class under a taken name throws
   * `PluginRegistrationError` unless `{ replace: true }` (the running instance is kept until
   * `reload(name)`).
   */
  register(plugins: PluginClass, options?: RegisterOptions): string;
  register(plugins: readonly PluginClass[], options?: RegisterOptions): string[];
  register(plugins: PluginClass | readonly PluginClass[], options: RegisterOptions = {}): string | string[] {
    if (!Array.isArray(plugins)) return this.#registerAll([plugins as PluginClass], options)[0] as string;
    return this.#registerAll(plugins as readonly PluginClass[], options);
  }

  #registerAll(classes: readonly PluginClass[], options: RegisterOptions): string[] {
    // Validate every class first, so a bad entry registers none of them.
    const batch = new Map<string, { cls: PluginClass; meta: PluginMetadata }>();
    const names = classes.map((cls) => {
      const meta = this.#validateClass(cls);
      const inBatch = batch.get(meta.name);
      if (inBatch !== undefined && inBatch.cls !== cls) {
        throw new PluginRegistrationError(
          `Plugin name '${meta.name}' is used by two classes (${inBatch.cls.name} and ${cls.name}) in one ` +
            `register() call. Rename one of them.`,
          { plugin: meta.name },
        );
      }
      this.#checkNameAndTokens(cls, meta, options);
      batch.set(meta.name, { cls, meta });
      return meta.name;
    });
    for (const { cls, meta } of batch.values()) this.#commit(cls, meta);
    return names;
  }

  #validateClass(cls: unknown): PluginMetadata {
    if (typeof cls !== 'function') {
      throw new PluginRegistrationError(
        `register() expects a plugin class, got ${describeThing(cls)}. Pass a class decorated with ` +
          `@plugin() or built with definePlugin().`,
      );
    }
    const declared = getPluginOptions(cls);
    if (declared === undefined) {
      throw new PluginRegistrationError(
        `${describeThing(cls)} is not a plugin: decorate it with @plugin({ name }) or build it with ` +
          `definePlugin().`,
      );
    }
    return validatePluginOptions(declared, { strict: this.#validateMetadata });
  }

  #checkNameAndTokens(cls: PluginClass, meta: PluginMetadata, options: RegisterOptions): void {
    const existing = this.#records.get(meta.name);
    if (existing !== undefined && existing.cls !== cls && options.replace !== true) {
      throw new PluginRegistrationError(
        `Plugin name '${meta.name}' is already registered by class ${existing.cls.name}; ${cls.name} ` +
          `cannot take it. Rename one of them, or pass { replace: true } to replace it.`,
        { plugin: meta.name },
      );
    }
    for (const provider of meta.provides) {
      const owner = this.#providedBy.get(provider.token);
      if (owner !== undefined && owner !== meta.name) {
        throw new PluginRegistrationError(
          `Plugin '${meta.name}' provides ${String(provider.token)}, which plugin '${owner}' already ` +
            `provides. A token has one provider: remove one of the two 'provides' entries.`,
          { plugin: meta.name },
        );
      }
    }
  }

  #commit(cls: PluginClass, meta: PluginMetadata): void {
    const existing = this.#records.get(meta.name);
    if (existing?.cls === cls) return;
    const injected = collectInjectedIdentifiers(cls);
    if (existing !== undefined) {
      this.#forgetTokens(existing.meta);
      this.#byClass.delete(existing.cls);
      existing.cls = cls;
      existing.meta = meta;
      existing.injected = injected;
      this.#byClass.set(cls, existing);
    } else {
      const record = new PluginRecord({ name: meta.name, seq: this.#seq++, cls, meta, injected });
      this.#records.set(meta.name, record);
      this.#byClass.set(cls, record);
    }
    for (const provider of meta.provides) this.#providedBy.set(provider.token, meta.name);
    this.#graphCache = undefined;
    this.#logger.debug({ plugin: meta.name, version: meta.version }, 'plugin registered');
    const event = LIFECYCLE_EVENTS.registered;
    if (this.#registry.hasHandlers(event)) {
      this.#registry.notify(
        event,
        { pluginName: meta.name, version: meta.version },
        {
          errorStrategy: 'log-and-continue',
        },
      );
    }
  }

  #forgetTokens(meta: PluginMetadata): void {
    for (const provider of meta.provides) {
      if (this.#providedBy.get(provider.token) === meta.name) this.#providedBy.delete(provider.token);
    }
  }

  /** Unloads the plugin (and its dependents) and forgets it. */
  async unregister(name: string): Promise<void> {
    const record = this.#record(name);
    await this.unload(name);
    this.#records.delete(name);
    this.#byClass.delete(record.cls);
    this.#forgetTokens(record.meta);
    this.#registry.removeOwner(name);
    if (!record.enabled) this.#registry.enableOwner(name);
    this.#graphCache = undefined;
  }

  // ---------------------------------------------------------------- loading

  /**
   * Loads the plugin and, first, its dependencies: instantiates it through the container, runs
   * `initialize` and registers its hooks. Idempotent: resolves to the same live instance; concurrent
   * calls share one instantiation. Rejects with the plugin's failure.
   */
  async load<T extends object = object>(name: string): Promise<T> {
    const record = this.#record(name);
    if (record.live?.instance !== undefined && record.loading === undefined) return record.live.instance as T;
    const graph = this.#graph();
    for (const member of this.#closure(record, graph)) {
      if (member !== record && !member.enabled && member.live === undefined) continue;
      await this.#loadOne(member);
    }
    const instance = record.live?.instance;
    if (instance === undefined) throw record.lastError ?? new PluginNotFoundError(name);
    return instance as T;
  }

  /**
   * Loads every registered, enabled plugin in dependency order. Never rejects in `isolate` mode; in
   * `abort` mode the first failure unloads what this call loaded and rejects with `StartupError`.
   */
  async loadAll(): Promise<LoadReport> {
    const graph = this.#graph();
    if (this.#failureMode === 'abort') await this.#preflight(graph);
    const loaded: string[] = [];
    const failed: PluginFailure[] = [];
    const skipped: string[] = [];
    const loadedNow: PluginRecord[] = [];
    for (const record of graph.sequence) {
      if (!record.enabled && record.live === undefined) {
        skipped.push(record.name);
        continue;
      }
      const wasLive = record.live !== undefined;
      if (wasLive || (await this.#loadOne(record))) {
        loaded.push(record.name);
        if (!wasLive) loadedNow.push(record);
        continue;
      }
      const failure = this.#failure(record);
      failed.push(failure);
      if (this.#failureMode === 'abort') {
        const errors = [failure.error];
        for (const done of loadedNow.reverse()) errors.push(...(await this.#unloadOne(done)));
        throw new StartupError(errors);
      }
    }
    return { loaded, failed, skipped };
  }

  #loadOne(record: PluginRecord): Promise<boolean> {
    if (record.loading !== undefined) return record.loading;
    if (record.live !== undefined) return Promise.resolve(true);
    const loading = this.#instantiate(record).finally(() => {
      record.loading = undefined;
    });
    record.loading = loading;
    return loading;
  }

  async #instantiate(record: PluginRecord): Promise<boolean> {
    const graph = this.#graph();
    const name = record.name;
    const problem = findDependencyProblem({
      record,
      graph,
      records: this.#records,
      hostVersion: TRELLIS_VERSION,
      standing: (dependency) => this.#loadStanding(dependency),
    });
    if (problem !== undefined) return this.#fail(record, problem);
    const { meta, cls } = record;
    const validation = validateConfig(meta.config, this.#config[name]);
    record.effectiveConfig = validation.value;
    if (validation.problems.length > 0)
      return this.#fail(record, new ConfigValidationError(name, validation.problems));

    record.state = 'loading';
    record.lastError = undefined;
    const logger = this.#logger.child({ plugin: name });
    const config = createPluginConfig(validation.value);
    const bindings: BindingIdentifier[] = [];
    const context: ManagedPluginContext = new ManagedPluginContext({
      name,
      version: meta.version,
      logger,
      config,
      registry: this.#registry,
      resolve: (token) => this.#resolveAs(live, () => this.#container.get(token)),
      provide: (token, value) => {
        bindings.push(this.#container.bind(token).toConstantValue(value).getIdentifier());
      },
    });
    const live: LivePlugin = { cls, logger, config, context, bindings, instance: undefined };
    record.live = live;

    const began = performance.now();
    try {
      this.#bindProviders(live, meta);
      bindings.push(this.#container.bind(cls).toSelf().inSingletonScope().getIdentifier());
      live.instance = await this.#construct(live);
    } catch (cause) {
      record.timings.construct = performance.now() - began;
      await this.#release(record);
      return this.#fail(record, new PluginLoadError({ plugin: name, phase: 'construct', cause }));
    }
    record.timings.construct = performance.now() - began;
    const instance = live.instance;
    if (instance instanceof PluginBase) instance[ATTACH_CONTEXT](context);

    try {
      const pending = this.#runPhase(record, live, 'initialize', [context]);
      if (pending !== undefined) await pending;
    } catch (error) {
      await this.#release(record);
      return this.#fail(record, this.#asTrellisError(record, error, 'initialize'));
    }
    this.#registerHooks(record, live, instance);
    record.state = 'loaded';
    logger.debug('plugin loaded');
    await this.#emit(LIFECYCLE_EVENTS.loaded, record);
    return true;
  }

  /** Creates the instance; falls back to async resolution (one at a time) when a dependency is async. */
  #construct(live: LivePlugin): object | Promise<object> {
    const cls = live.cls as Newable<object>;
    try {
      return this.#resolveAs(live, () => this.#container.get(cls));
    } catch (error) {
      if (!isUnexpectedAsync(error)) throw error;
    }
    // The stack of resolving plugins must stay put while inversify awaits: serialise async resolutions.
    const run = this.#asyncResolution.then(async () => {
      this.#resolving.push(live);
      try {
        return await this.#container.getAsync(cls);
      } finally {
        this.#resolving.pop();
      }
    });
    this.#asyncResolution = run.catch(() => undefined);
    return run;
  }

  #resolveAs<T>(live: LivePlugin, resolve: () => T): T {
    this.#resolving.push(live);
    try {
      return resolve();
    } finally {
      this.#resolving.pop();
    }
  }

  #bindProviders(live: LivePlugin, meta: PluginMetadata): void {
    for (const provider of meta.provides) {
      const token = provider.token;
      if ('useValue' in provider) {
        live.bindings.push(this.#container.bind(token).toConstantValue(provider.useValue).getIdentifier());
      } else if ('useFactory' in provider) {
        const factory = provider.useFactory;
        live.bindings.push(
          this.#container
            .bind(token)
            .toDynamicValue(() => this.#resolveAs(live, () => factory(live.context)))
            .inSingletonScope()
            .getIdentifier(),
        );
      } else {
        // A private identifier for the class, so its own injections resolve as the providing plugin.
        const hidden = Symbol(`${meta.name}:${String(token)}`);
        live.bindings.push(
          this.#container.bind(hidden).to(provider.useClass).inSingletonScope().getIdentifier(),
        );
        live.bindings.push(
          this.#container
            .bind(token)
            .toDynamicValue((context) => this.#resolveAs(live, () => context.get(hidden)))
            .inSingletonScope()
            .getIdentifier(),
        );
      }
    }
  }

  #registerHooks(record: PluginRecord, live: LivePlugin, instance: object): void {
    const name = record.name;
    for (const declaration of getHookDeclarations(live.cls)) {
      const method = (instance as Record<PropertyKey, unknown>)[declaration.method];
      if (typeof method !== 'function') continue;
      const options: HookOptions = {
        name: `${name}.${String(declaration.method)}`,
        ...declaration.options,
        plugin: name,
        ...(isAsyncFunction(method) ? { async: true } : {}),
      };
      this.#registry.on(
        declaration.point ?? declaration.event,
        (method as (...args: never[]) => unknown).bind(instance),
        options,
      );
    }
    const onError = (instance as { onError?: unknown }).onError;
    if (typeof onError === 'function') {
      this.#registry.setOwnerErrorHandler(name, (error: HookError) => {
        (onError as (error: HookError) => void).call(instance, error);
      });
    }
  }

  // ---------------------------------------------------------------- starting and stopping

  /**
   * Loads and starts every enabled plugin in dependency order: each plugin is instantiated and
   * initialized once its dependencies have started. Resolves to a `StartReport` (load failures
   * included) and dispatches `trellis.app.startup`. In `abort` mode the first failure stops what
   * started, in reverse order, and rejects with `StartupError`.
   */
  start(): Promise<StartReport> {
    this.#starting ??= this.#startAll().finally(() => {
      this.#starting = undefined;
    });
    return this.#starting;
  }

  async #startAll(): Promise<StartReport> {
    const began = performance.now();
    const graph = this.#graph();
    if (this.#failureMode === 'abort') await this.#preflight(graph);
    this.#running = true;
    const started: string[] = [];
    const failed: PluginFailure[] = [];
    const skipped: string[] = [];
    for (const record of graph.sequence) {
      if (!record.enabled && record.live === undefined) {
        skipped.push(record.name);
        continue;
      }
      if (record.started) {
        started.push(record.name);
        continue;
      }
      const ok =
        (record.live !== undefined || (await this.#loadOne(record))) && (await this.#startOne(record));
      if (ok) {
        started.push(record.name);
        continue;
      }
      const failure = this.#failure(record);
      failed.push(failure);
      if (this.#failureMode === 'abort') {
        const stopped = await this.stop();
        throw new StartupError([failure.error, ...stopped.failed.map((entry) => entry.error)]);
      }
    }
    const durationMs = performance.now() - began;
    this.#logger.info(
      { started: started.length, failed: failed.length, skipped: skipped.length, durationMs },
      'plugins started',
    );
    await this.#emitApp(LIFECYCLE_EVENTS.startup, started, failed);
    return { started, failed, skipped, durationMs };
  }

  async #startOne(record: PluginRecord): Promise<boolean> {
    const live = record.live;
    if (live?.instance === undefined) return false;
    const problem = findDependencyProblem({
      record,
      graph: this.#graph(),
      records: this.#records,
      hostVersion: TRELLIS_VERSION,
      standing: (dependency) => this.#startStanding(dependency),
    });
    if (problem !== undefined) {
      await this.#release(record);
      return this.#fail(record, problem);
    }
    record.state = 'starting';
    live.context.renewSignal();
    try {
      const pending = this.#runPhase(record, live, 'start', []);
      if (pending !== undefined) await pending;
    } catch (error) {
      await this.#release(record);
      return this.#fail(record, this.#asTrellisError(record, error, 'start'));
    }
    record.state = 'started';
    record.started = true;
    this.#started.add(record);
    live.logger.debug('plugin started');
    await this.#emit(LIFECYCLE_EVENTS.started, record);
    return true;
  }

  /**
   * Stops every started plugin in reverse start order, each bounded by `lifecycleTimeout`; errors
   * are logged and collected, never stop the sequence. Dispatches `trellis.app.shutdown`.
   * Idempotent: with nothing started it does nothing.
   */
  stop(): Promise<StopReport> {
    if (this.#stopping !== undefined) return this.#stopping;
    this.#running = false;
    if (this.#started.size === 0) return Promise.resolve({ stopped: [], failed: [], durationMs: 0 });
    this.#stopping = this.#stopAll().finally(() => {
      this.#stopping = undefined;
    });
    return this.#stopping;
  }

  async #stopAll(): Promise<StopReport> {
    const began = performance.now();
    const stopped: string[] = [];
    const failed: PluginFailure[] = [];
    for (const record of [...this.#started].reverse()) {
      const error = await this.#stopOne(record);
      if (error === undefined) stopped.push(record.name);
      else failed.push({ name: record.name, error });
    }
    const durationMs = performance.now() - began;
    this.#logger.info({ stopped: stopped.length, failed: failed.length, durationMs }, 'plugins stopped');
    await this.#emitApp(LIFECYCLE_EVENTS.shutdown, stopped, failed);
    return { stopped, failed, durationMs };
  }

  async #stopOne(record: PluginRecord): Promise<TrellisError | undefined> {
    const live = record.live;
    this.#started.delete(record);
    record.started = false;
    if (live === undefined) return undefined;
    record.state = 'stopping';
    live.context.abort(new Error(`plugin '${record.name}' is stopping`));
    try {
      const pending = this.#runPhase(record, live, 'stop', []);
      if (pending !== undefined) await pending;
    } catch (error) {
      const failure = this.#asTrellisError(record, error, 'stop');
      await this.#fail(record, failure);
      return failure;
    }
    record.state = 'stopped';
    live.logger.debug('plugin stopped');
    await this.#emit(LIFECYCLE_EVENTS.stopped, record);
    return undefined;
  }

  // ---------------------------------------------------------------- unloading

  /**
   * Unloads the plugin and, first, its dependents (stopping those that run): hooks and provided
   * services are removed, the instance is released (`@preDestroy` runs).
   */
  async unload(name: string): Promise<void> {
    const record = this.#record(name);
    const graph = this.#graph();
    const affected = this.#withDependents(record, graph).filter((member) => member.live !== undefined);
    for (const member of affected.reverse()) await this.#unloadOne(member);
  }

  /** Unloads every loaded plugin, dependents first. */
  async unloadAll(): Promise<void> {
    const graph = this.#graph();
    for (const record of [...graph.sequence].reverse()) {
      if (record.live !== undefined) await this.#unloadOne(record);
    }
  }

  /** Stops then unloads everything; also removes the shutdown hooks. */
  async close(): Promise<void> {
    this.#removeShutdownHooks();
    await this.stop();
    await this.unloadAll();
  }

  /** `await using manager = new PluginManager()` closes it at the end of the scope. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  async #unloadOne(record: PluginRecord): Promise<TrellisError[]> {
    if (record.loading !== undefined) await record.loading;
    const errors: TrellisError[] = [];
    if (record.started) {
      const error = await this.#stopOne(record);
      if (error !== undefined) errors.push(error);
    }
    if (record.live === undefined) return errors;
    const error = await this.#release(record);
    if (error !== undefined) {
      errors.push(error);
      record.lastError = error;
    }
    record.state = record.enabled ? 'unloaded' : 'disabled';
    record.stateBeforeDisable = 'unloaded';
    this.#logger.debug({ plugin: record.name }, 'plugin unloaded');
    await this.#emit(LIFECYCLE_EVENTS.unloaded, record);
    return errors;
  }

  /** Removes the plugin's hooks and bindings and aborts its signal; returns a `@preDestroy` failure. */
  async #release(record: PluginRecord): Promise<PluginLoadError | undefined> {
    const live = record.live;
    if (live === undefined) return undefined;
    record.live = undefined;
    this.#started.delete(record);
    record.started = false;
    live.context.abort(new Error(`plugin '${record.name}' is unloaded`));
    this.#registry.removeOwner(record.name);
    this.#registry.setOwnerErrorHandler(record.name, undefined);
    if (!record.enabled) this.#registry.disableOwner(record.name);
    let failure: PluginLoadError | undefined;
    for (const binding of live.bindings.reverse()) {
      try {
        await this.#container.unbindAsync(binding);
      } catch (cause) {
        failure ??= new PluginLoadError({ plugin: record.name, phase: 'destroy', cause });
      }
    }
    if (failure !== undefined) this.#logger.error({ plugin: record.name, err: failure }, failure.message);
    return failure;
  }

  // ---------------------------------------------------------------- reload

  /**
   * Hot-reloads a plugin registered in code (after `register(NewClass, { replace: true })`, or to
   * get a fresh instance): stops and unloads it and its loaded dependents, then loads them again and
   * starts those that were running. Rejects with the plugin's error when it fails to come back; its
   * dependents then fail with a `DependencyError` naming it.
   */
  async reload(name: string): Promise<ReloadReport> {
    const record = this.#record(name);
    const graph = this.#graph();
    const affected = this.#withDependents(record, graph);
    const target = new Map<PluginRecord, 'loaded' | 'started'>();
    for (const member of affected) {
      if (member.live !== undefined) target.set(member, member.started ? 'started' : 'loaded');
    }
    if (!target.has(record)) target.set(record, this.#running ? 'started' : 'loaded');
    for (const member of [...affected].reverse()) {
      if (member.live !== undefined) await this.#unloadOne(member);
    }
    const reloaded: string[] = [];
    const failed: PluginFailure[] = [];
    for (const member of affected) {
      const wanted = target.get(member);
      if (wanted === undefined) continue;
      const ok = (await this.#loadOne(member)) && (wanted === 'loaded' || (await this.#startOne(member)));
      if (ok) reloaded.push(member.name);
      else failed.push(this.#failure(member));
    }
    if (record.live === undefined) throw this.#failure(record).error;
    this.#logger.info({ plugin: name, reloaded }, 'plugin reloaded');
    return { reloaded, failed };
  }

  // ---------------------------------------------------------------- hooks

  /** Registers a hook (every `registry.on` option is accepted); returns a function that removes it. */
  registerHook<T>(event: HookTarget<T>, handler: HookHandler<T>, options: HookOptions = {}): () => void {
    return this.#registry.on(event as string | AnyExtensionPoint, handler as AnyFunction, options);
  }

  /** Removes a hook registered with {@link PluginManager.registerHook}; true when one was removed. */
  unregisterHook<T>(event: HookTarget<T>, handler: HookHandler<T>, plugin?: string): boolean {
    return this.#registry.off(event, handler, plugin);
  }

  /** Synchronous filter dispatch on an event name or typed point: each handler may replace the value. */
  trigger<T>(event: string | FilterPoint<T>, data: T): T {
    return typeof event === 'string'
      ? this.#registry.filter(event, data)
      : this.#registry.filter(event, data);
  }

  /** Asynchronous filter dispatch (runs sync and async handlers). */
  triggerAsync<T>(event: string | FilterPoint<T>, data: T): Promise<T> {
    return typeof event === 'string'
      ? this.#registry.filterAsync(event, data)
      : this.#registry.filterAsync(event, data);
  }

  /** Turns debug tracing of every handler run (and `extensions.stats()`) on or off. */
  enableHookTracing(on = true): void {
    this.#registry.setTracing(on);
  }

  /** Changes how hook failures are handled; an unknown strategy throws `ValidationError`. */
  setErrorStrategy(strategy: ErrorStrategy): void {
    this.#registry.setErrorStrategy(strategy);
  }

  // ---------------------------------------------------------------- enable / disable

  /** Re-enables a plugin: its hooks run again and `loadAll` includes it. */
  enablePlugin(name: string): void {
    const record = this.#record(name);
    if (record.enabled) return;
    record.enabled = true;
    this.#registry.enableOwner(name);
    if (record.state === 'disabled') record.state = record.stateBeforeDisable;
  }

  /** Disables a plugin at once: its hooks are skipped, `loadAll` skips it; a loaded one stays loaded. */
  disablePlugin(name: string): void {
    const record = this.#record(name);
    if (!record.enabled) return;
    record.enabled = false;
    this.#registry.disableOwner(name);
    if (record.live === undefined) {
      record.stateBeforeDisable = record.state;
      record.state = 'disabled';
    }
  }

  // ---------------------------------------------------------------- shutdown hooks

  /**
   * Closes the manager gracefully when the process receives one of `signals`. Returns a function
   * that removes the listeners (`close()` removes them too).
   */
  enableShutdownHooks(
    signals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'],
    options: ShutdownHooksOptions = {},
  ): () => void {
    this.#removeShutdownHooks();
    const listener = (signal: NodeJS.Signals): void => {
      this.#logger.info({ signal }, 'shutting down');
      this.close().then(
        () => {
          if (options.exit !== false && process.listenerCount(signal) === 0)
            process.kill(process.pid, signal);
        },
        (error: unknown) => {
          this.#logger.error({ err: error, signal }, 'shutdown failed');
        },
      );
    };
    for (const signal of signals) process.on(signal, listener);
    const hooks = { signals: [...signals], listener };
    this.#shutdownHooks = hooks;
    return () => {
      if (this.#shutdownHooks === hooks) this.#removeShutdownHooks();
    };
  }

  #removeShutdownHooks(): void {
    const hooks = this.#shutdownHooks;
    if (hooks === undefined) return;
    this.#shutdownHooks = undefined;
    for (const signal of hooks.signals) process.off(signal, hooks.listener);
  }

  // ---------------------------------------------------------------- introspection

  /** The live instance of a plugin (by name or class), or `undefined` when it is not loaded. */
  getPlugin<T extends object>(plugin: PluginClass<T>): T | undefined;
  // The type argument is the caller's promise about what the named plugin is.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  getPlugin<T extends object = object>(name: string): T | undefined;
  getPlugin(plugin: string | PluginClass): object | undefined {
    const record = typeof plugin === 'string' ? this.#record(plugin) : this.#recordOfClass(plugin);
    return record.live?.instance;
  }

  /** Every registered plugin with its state and live instance, in registration order. */
  getAllPlugins(): PluginDescriptor[] {
    return [...this.#records.values()].map((record) => ({
      name: record.name,
      version: record.meta.version,
      description: record.meta.description,
      state: record.state,
      enabled: record.enabled,
      instance: record.live?.instance,
    }));
  }

  /** Names of the registered plugins, in registration order. */
  getRegisteredPlugins(): string[] {
    return [...this.#records.keys()];
  }

  /** Names of the loaded plugins, in registration order. */
  getLoadedPlugins(): string[] {
    const names: string[] = [];
    for (const record of this.#records.values())
      if (record.live?.instance !== undefined) names.push(record.name);
    return names;
  }

  /** Whether the plugin is loaded. */
  isLoaded(name: string): boolean {
    return this.#record(name).live?.instance !== undefined;
  }

  /** Event names and patterns that have handlers. */
  getEvents(): string[] {
    return this.#registry.events();
  }

  /** The plugin's state. */
  getState(name: string): PluginState {
    return this.#record(name).state;
  }

  /** One JSON-safe row per plugin: state, dependencies, redacted config, last error, timings. */
  status(): PluginStatus[] {
    const graph = this.#graph();
    return [...this.#records.values()].map((record) => ({
      name: record.name,
      version: record.meta.version,
      description: record.meta.description ?? null,
      state: record.state,
      enabled: record.enabled,
      dependencies: (graph.edges.get(record.name) ?? []).map((edge) => edge.to),
      config: toJsonSafe(
        redactConfig(record.meta.config, record.effectiveConfig ?? this.#previewConfig(record)),
      ) as Record<string, unknown>,
      lastError:
        record.lastError === undefined
          ? null
          : { code: record.lastError.code, message: record.lastError.message },
      timings: { ...record.timings },
    }));
  }

  /** The dependency graph as JSON-safe data: nodes, edges (from dependent to dependency), order, cycles. */
  graph(): PluginGraph {
    const graph = this.#graph();
    const nodes = [...this.#records.values()].map((record) => ({
      name: record.name,
      version: record.meta.version,
      state: record.state,
    }));
    const edges = [...graph.edges].flatMap(([from, list]) =>
      list.map((edge) => ({
        from,
        to: edge.to,
        kind: edge.kind,
        range: edge.range,
        missing: !this.#records.has(edge.to),
      })),
    );
    return {
      nodes,
      edges,
      order: graph.sequence.map((record) => record.name),
      cycles: graph.cycles.map((cycle) => [...cycle]),
    };
  }

  // ---------------------------------------------------------------- internals

  #bindCoreTokens(): void {
    const current = (): LivePlugin | undefined => this.#resolving[this.#resolving.length - 1];
    const outside = (token: string): never => {
      throw new ValidationError(
        `${token} can only be injected into a plugin (or resolved through its ctx.get()).`,
      );
    };
    this.#container.bind(TOKENS.Logger).toDynamicValue(() => current()?.logger ?? this.#logger);
    this.#container.bind(TOKENS.Config).toDynamicValue(() => current()?.config ?? outside('TOKENS.Config'));
    this.#container
      .bind(TOKENS.Context)
      .toDynamicValue(() => current()?.context ?? outside('TOKENS.Context'));
    this.#container.bind(TOKENS.Manager).toConstantValue(this);
    this.#container.bind(TOKENS.Extensions).toConstantValue(this.#registry);
  }

  #graph(): DependencyGraph {
    this.#graphCache ??= buildDependencyGraph({
      records: this.#records,
      byClass: this.#byClass,
      providedBy: this.#providedBy,
    });
    return this.#graphCache;
  }

  #record(name: string): PluginRecord {
    const record = this.#records.get(name);
    if (record === undefined) throw new PluginNotFoundError(name, { registered: [...this.#records.keys()] });
    return record;
  }

  #recordOfClass(cls: PluginClass): PluginRecord {
    const record = this.#byClass.get(cls);
    if (record !== undefined) return record;
    const name = getPluginOptions(cls)?.name;
    const byName = name === undefined ? undefined : this.#records.get(name);
    if (byName !== undefined) return byName;
    throw new PluginNotFoundError(name ?? (typeof cls === 'function' ? cls.name : String(cls)));
  }

  /** The plugin and everything it needs, transitively, in load order. */
  #closure(record: PluginRecord, graph: DependencyGraph): PluginRecord[] {
    const found = new Set<PluginRecord>([record]);
    const stack = [record];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      for (const edge of graph.edges.get(next.name) ?? []) {
        const dependency = this.#records.get(edge.to);
        if (dependency === undefined || found.has(dependency)) continue;
        found.add(dependency);
        stack.push(dependency);
      }
    }
    return this.#inOrder(found, graph);
  }

  /** The plugin and everything that depends on it, transitively, in load order. */
  #withDependents(record: PluginRecord, graph: DependencyGraph): PluginRecord[] {
    const found = new Set<PluginRecord>([record]);
    const stack = [record];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      for (const dependent of graph.dependents.get(next.name) ?? []) {
        if (found.has(dependent)) continue;
        found.add(dependent);
        stack.push(dependent);
      }
    }
    return this.#inOrder(found, graph);
  }

  #inOrder(records: Set<PluginRecord>, graph: DependencyGraph): PluginRecord[] {
    const position = (record: PluginRecord): number =>
      graph.position.get(record.name) ?? Number.MAX_SAFE_INTEGER;
    return [...records].sort((a, b) => position(a) - position(b));
  }

  #loadStanding(dependency: PluginRecord): DependencyStanding {
    if (dependency.live?.instance !== undefined && dependency.loading === undefined) return 'ready';
    if (!dependency.enabled) return 'disabled';
    return dependency.lastError ?? this.#notReady(dependency);
  }

  #startStanding(dependency: PluginRecord): DependencyStanding {
    if (dependency.started) return 'ready';
    if (!dependency.enabled && dependency.live === undefined) return 'disabled';
    return dependency.lastError ?? this.#notReady(dependency);
  }

  #notReady(dependency: PluginRecord): TrellisError {
    return new ValidationError(`'${dependency.name}' is ${dependency.state}, not ready`);
  }

  /**
   * `abort` mode: before instantiating anything, finds every failure that can be known without
   * running plugin code (dependencies, cycles, engines, config) and rejects with all of them.
   */
  async #preflight(graph: DependencyGraph): Promise<void> {
    const doomed = new Map<PluginRecord, TrellisError>();
    for (const record of graph.sequence) {
      if (record.live !== undefined || !record.enabled) continue;
      const problem =
        findDependencyProblem({
          record,
          graph,
          records: this.#records,
          hostVersion: TRELLIS_VERSION,
          standing: (dependency) =>
            doomed.get(dependency) ??
            (dependency.enabled || dependency.live !== undefined ? 'ready' : 'disabled'),
        }) ?? this.#configProblem(record);
      if (problem !== undefined) doomed.set(record, problem);
    }
    if (doomed.size === 0) return;
    for (const [record, error] of doomed) await this.#fail(record, error);
    throw new StartupError([...doomed.values()]);
  }

  #configProblem(record: PluginRecord): ConfigValidationError | undefined {
    const { problems } = validateConfig(record.meta.config, this.#config[record.name]);
    return problems.length > 0 ? new ConfigValidationError(record.name, problems) : undefined;
  }

  #previewConfig(record: PluginRecord): Readonly<Record<string, unknown>> {
    return validateConfig(record.meta.config, this.#config[record.name]).value;
  }

  #runPhase(
    record: PluginRecord,
    live: LivePlugin,
    phase: 'initialize' | 'start' | 'stop',
    args: readonly unknown[],
  ): Promise<void> | undefined {
    const instance = live.instance;
    if (instance === undefined) return undefined;
    const began = performance.now();
    const pending = runLifecycleMethod(instance, {
      plugin: record.name,
      phase,
      args,
      timeout: this.#lifecycleTimeout,
      onTimeout: (error) => {
        live.context.abort(error);
      },
    });
    if (pending === undefined) {
      record.timings[phase] = performance.now() - began;
      return undefined;
    }
    return pending.finally(() => {
      record.timings[phase] = performance.now() - began;
    });
  }

  #asTrellisError(
    record: PluginRecord,
    error: unknown,
    phase: 'initialize' | 'start' | 'stop',
  ): TrellisError {
    return TrellisError.is(error) ? error : new PluginLoadError({ plugin: record.name, phase, cause: error });
  }

  /** Marks the plugin failed, logs it and announces it (before resolving); resolves to false. */
  async #fail(record: PluginRecord, error: TrellisError): Promise<false> {
    record.state = 'failed';
    record.lastError = error;
    this.#logger.error({ plugin: record.name, code: error.code, err: error }, error.message);
    const event = LIFECYCLE_EVENTS.error;
    if (this.#registry.hasHandlers(event)) {
      try {
        await this.#registry.notifyAsync(
          event,
          { pluginName: record.name, version: record.meta.version, error },
          { errorStrategy: 'log-and-continue' },
        );
      } catch (failure) {
        this.#logger.error({ err: failure, event }, 'lifecycle event handler failed');
      }
    }
    return false;
  }

  #failure(record: PluginRecord): PluginFailure {
    return {
      name: record.name,
      error:
        record.lastError ??
        new PluginLoadError({ plugin: record.name, phase: 'construct', cause: undefined }),
    };
  }

  async #emit(event: string, record: PluginRecord): Promise<void> {
    if (!this.#registry.hasHandlers(event)) return;
    try {
      await this.#registry.notifyAsync(
        event,
        { pluginName: record.name, version: record.meta.version },
        { errorStrategy: 'log-and-continue' },
      );
    } catch (error) {
      this.#logger.error({ err: error, event }, 'lifecycle event handler failed');
    }
  }

  async #emitApp(event: string, plugins: readonly string[], failed: readonly PluginFailure[]): Promise<void> {
    if (!this.#registry.hasHandlers(event)) return;
    const payload: AppLifecycleEvent = {
      version: TRELLIS_VERSION,
      plugins,
      failed: failed.map((failure) => failure.name),
    };
    try {
      await this.#registry.notifyAsync(event, payload, { errorStrategy: 'log-and-continue' });
    } catch (error) {
      this.#logger.error({ err: error, event }, 'lifecycle event handler failed');
    }
  }
}
