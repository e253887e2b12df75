import 'reflect-metadata';
import {
  ExtensionRegistry,
  type AnyExtensionPoint,
  type AnyFunction,
  type CollectPoint,
  type DispatchOptions,
  type ErrorStrategy,
  type FilterPoint,
  type HookOptions,
  type MiddlewarePoint,
  type NotifyAsyncOptions,
  type NotifyPoint,
} from '@trellis/extensions';
import type { DiscoverPackagesOptions, LoadFromUriOptions, UriGroups } from '@trellis/loader';
import type { Container, Newable, ServiceIdentifier } from 'inversify';
import { ConfigSections } from '../config/ConfigSections.js';
import { PluginInjector } from '../container/PluginInjector.js';
import { DependencyResolver } from '../dependencies/DependencyResolver.js';
import type { HookHandler, HookTarget } from '../context/HookTarget.js';
import { PluginHookWiring } from '../lifecycle/PluginHookWiring.js';
import { FailureRecorder } from '../lifecycle/FailureRecorder.js';
import { LIFECYCLE_EVENTS } from '../lifecycle/LIFECYCLE_EVENTS.js';
import { LifecycleEvents } from '../lifecycle/LifecycleEvents.js';
import { LifecycleQueue } from '../lifecycle/LifecycleQueue.js';
import { LoadSequence } from '../lifecycle/LoadSequence.js';
import { PhaseRunner } from '../lifecycle/PhaseRunner.js';
import { PluginLoader } from '../lifecycle/PluginLoader.js';
import type { PluginState } from '../model/PluginState.js';
import { PluginReleaser } from '../lifecycle/PluginReleaser.js';
import { PluginReloader } from '../lifecycle/PluginReloader.js';
import { PluginRunner } from '../lifecycle/PluginRunner.js';
import { PluginUnloader } from '../lifecycle/PluginUnloader.js';
import { Preflight } from '../lifecycle/Preflight.js';
import type { LoadReport, StartReport, StopReport } from '../lifecycle/reports.js';
import { StartStopSequence } from '../lifecycle/StartStopSequence.js';
import { StateAnnouncer } from '../lifecycle/StateAnnouncer.js';
import type { DiscoverOptions } from '../loading/DiscoverOptions.js';
import type { FileReloadReport } from '../loading/FileReloadReport.js';
import { PluginLoading } from '../loading/PluginLoading.js';
import type { PluginSourceInfo } from '../loading/PluginSourceInfo.js';
import type { PluginWatcher, WatchOptions } from '../loading/WatchOptions.js';
import { ConfigValidationError } from '../errors/ConfigValidationError.js';
import { createRootLogger } from '../logging/createRootLogger.js';
import { WarningReporter } from '../logging/WarningReporter.js';
import type { PluginClass } from '../plugins/PluginClass.js';
import type { Token } from '../tokens/Token.js';
import { resolveManagerSettings } from './ManagerSettings.js';
import type { PluginManagerOptions } from './PluginManagerOptions.js';
import { PluginIntrospection } from '../lifecycle/PluginIntrospection.js';
import { PluginRegistrar } from '../lifecycle/PluginRegistrar.js';
import type { PluginDescriptor, PluginGraph, PluginStatus } from '../lifecycle/PluginStatus.js';
import { PluginStateMachine } from '../model/PluginStateMachine.js';
import { PluginStore } from '../model/PluginStore.js';
import { PluginSwitch } from '../lifecycle/PluginSwitch.js';
import { PluginFaults } from '../lifecycle/PluginFaults.js';
import { Isolation } from '../isolation/Isolation.js';
import { Permissions } from '../permissions/Permissions.js';
import { PERMISSION_DENIED_EVENT } from '../permissions/PERMISSION_DENIED_EVENT.js';
import { withoutSecrets } from '../permissions/withoutSecrets.js';
import type { PermissionChecker } from '../permissions/PermissionChecker.js';
import type { RegisterOptions } from '../lifecycle/RegisterOptions.js';
import { ShutdownHooks } from './ShutdownHooks.js';
import type { ShutdownHooksOptions } from './ShutdownHooksOptions.js';

declare module '../context/TOKENS.js' {
  /** `TOKENS.Manager` resolves to the manager (declared here: `context/` sits below `manager/`). */
  interface CoreServiceTypes {
    readonly Manager: PluginManager;
  }
}

/**
 * The host side of Trellis: registers plugin classes, instantiates them through an inversify
 * container, runs their lifecycle in dependency order with failure isolation and timeouts, and
 * dispatches their hooks through an `ExtensionRegistry`. A facade: the work is done by internal
 * services (the record store, the injector, the loader, the start/stop sequence…).
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

  readonly #registry: ExtensionRegistry;
  readonly #injector: PluginInjector;
  readonly #store = new PluginStore();
  readonly #queue = new LifecycleQueue();
  readonly #registrar: PluginRegistrar;
  readonly #switch: PluginSwitch;
  readonly #loader: PluginLoader;
  readonly #loadSequence: LoadSequence;
  readonly #sequence: StartStopSequence;
  readonly #unloader: PluginUnloader;
  readonly #reloader: PluginReloader;
  readonly #introspection: PluginIntrospection;
  readonly #shutdownHooks: ShutdownHooks;
  readonly #config: ConfigSections;
  readonly #loading: PluginLoading;
  readonly #isolation: Isolation;
  readonly #permissions: Permissions;

  constructor(options: PluginManagerOptions = {}) {
    const settings = resolveManagerSettings(options);
    const logger = createRootLogger(options.logger, options.logLevel ?? 'info');
    const warnings = new WarningReporter(logger, options.onWarning);
    const registry = new ExtensionRegistry({
      logger,
      ...(options.hookTimeout === undefined ? {} : { defaultTimeout: options.hookTimeout }),
      // The registry logs its own warnings; the host's listener gets them too.
      ...(options.onWarning === undefined
        ? {}
        : {
            onWarning: (warning) => {
              warnings.deliver(warning);
            },
          }),
      ...(settings.strict ? { strict: true } : {}),
    });
    registry.setErrorStrategy(options.errorStrategy ?? 'log-and-continue');
    this.#registry = registry;
    this.#injector = new PluginInjector({
      parent: options.container,
      registry,
      logger,
      manager: this,
      checkHook: (plugin, event) => {
        this.permissionsOf(plugin).check(`hooks:${event}`);
      },
    });

    const store = this.#store;
    const dependencies = new DependencyResolver(store);
    const { failureMode } = settings;
    const config = new ConfigSections(settings.config, {
      strict: settings.strict,
      warn: (warning) => {
        warnings.warn(warning);
      },
    });
    this.#config = config;
    const events = new LifecycleEvents(registry, logger, this.#queue);
    const machine = new PluginStateMachine(new StateAnnouncer(events, logger));
    const failures = new FailureRecorder(machine);
    const phases = new PhaseRunner(settings.lifecycleTimeout, this.#queue);
    const permissions = new Permissions({ grants: options.grants, logger });
    this.#permissions = permissions;
    // Denials are announced on a notify point too, for metrics (`trellis.permission.denied`).
    permissions.onDenied((denial) => {
      registry.notify(PERMISSION_DENIED_EVENT, denial);
    });
    const hooks = new PluginHookWiring(registry, (record) =>
      permissions.for(record.name, record.meta.permissions),
    );
    const releaser = new PluginReleaser({ hooks, injector: this.#injector, logger });
    const preflight = new Preflight(dependencies, config, failures);
    const loader = new PluginLoader({
      hideSecrets: (record, values) =>
        permissions.allows(record.name, record.meta.permissions, 'config.secrets')
          ? values
          : withoutSecrets(record.meta.config, values),
      store,
      dependencies,
      config,
      injector: this.#injector,
      hooks,
      phases,
      releaser,
      failures,
      machine,
      logger,
    });
    const runner = new PluginRunner({ dependencies, machine, phases, releaser, failures });
    const unloader = new PluginUnloader({ dependencies, runner, releaser, machine });
    const sequence = new StartStopSequence({
      dependencies,
      failureMode,
      preflight,
      loader,
      runner,
      failures,
      events,
      logger,
    });
    this.#registrar = new PluginRegistrar({ store, events, logger, strict: settings.validateMetadata });
    this.#switch = new PluginSwitch(registry, machine);
    this.#loader = loader;
    this.#loadSequence = new LoadSequence({
      dependencies,
      failureMode,
      preflight,
      loader,
      unloader,
      failures,
    });
    this.#sequence = sequence;
    this.#unloader = unloader;
    this.#reloader = new PluginReloader({
      dependencies,
      loader,
      runner,
      unloader,
      failures,
      logger,
      running: () => sequence.running,
    });
    const faults = new PluginFaults({
      store,
      dependencies,
      machine,
      releaser,
      runner,
      loader,
      queue: this.#queue,
    });
    this.#isolation = new Isolation({
      section: (name) => config.section(name),
      granted: (name, declared) => this.#permissions.granted(name, declared),
      faults,
      logger,
      lifecycleTimeout: settings.lifecycleTimeout,
    });
    this.#introspection = new PluginIntrospection(store, dependencies, config, this.#permissions);
    this.#shutdownHooks = new ShutdownHooks(() => this.close(), logger);
    this.#loading = new PluginLoading({
      registry,
      registrar: this.#registrar,
      reloader: this.#reloader,
      loader,
      runner,
      record: (name) => store.get(name),
      withDependents: (record) => dependencies.withDependents(record),
      order: () => dependencies.graph().sequence.map((record) => record.name),
      configure: (name, section) => {
        this.configure(name, section);
      },
      reload: (name) => this.reload(name),
      prepare: (cls, file, exportName) => this.#isolation.prepare(cls, file, exportName),
      prepareManifest: (info) => this.#isolation.prepareManifest(info),
      logger,
    });
  }

  /** The inversify container plugins are instantiated from (a child of the host's, if given). */
  get container(): Container {
    return this.#injector.container;
  }

  /**
   * The host's permission policy (section 9): per-plugin checkers, denial counts
   * (`denials()`), and `onDenied(listener)` for metrics.
   */
  get permissions(): Permissions {
    return this.#permissions;
  }

  /**
   * The permission checker of a registered plugin, for system plugins building its facades:
   * `manager.permissionsOf(consumerCtx.name).check('events.publish:' + event)` throws
   * `PermissionError` unless the plugin declares it and the host grants it (a plugin that declares
   * nothing and is not listed in `grants` is trusted). A name not registered (yet) declares nothing:
   * it is trusted unless the host lists it in `grants`.
   */
  permissionsOf(name: string): PermissionChecker {
    return this.#permissions.for(name, this.#store.records.get(name)?.meta.permissions ?? []);
  }

  /** The extension-point registry the plugins' hooks live in. */
  get extensions(): ExtensionRegistry {
    return this.#registry;
  }

  /**
   * The value bound to a token (by a plugin's `provides`, a `ctx.provide()`, the host container or
   * the core), typed by the token; thenables come back as they are. A consumer-scoped token throws:
   * its values exist only for plugins.
   *
   * @example
   * ```ts
   * const pool = manager.get(Pool); // Token<Pool> → Pool
   * ```
   */
  get<T>(token: Token<T> | Newable<T>): T;
  get<T = unknown>(token: ServiceIdentifier<T>): T;
  get(token: ServiceIdentifier): unknown {
    return this.#injector.get(token);
  }

  // ---------------------------------------------------------------- registration

  /**
   * Registers plugin classes (validating their metadata) and returns their names. Registering the
   * same class again is a no-op; another class under a taken name throws
   * `PluginRegistrationError` unless `{ replace: true }` (the running instance is kept until
   * `reload(name)`). An array is all-or-nothing.
   */
  register(plugins: PluginClass, options?: RegisterOptions): string;
  register(plugins: readonly PluginClass[], options?: RegisterOptions): string[];
  register(plugins: PluginClass | readonly PluginClass[], options: RegisterOptions = {}): string | string[] {
    for (const cls of Array.isArray(plugins) ? (plugins as readonly PluginClass[]) : [plugins as PluginClass])
      this.#isolation.checkHostClass(cls);
    if (!Array.isArray(plugins))
      return this.#registrar.register([plugins as PluginClass], options)[0] as string;
    return this.#registrar.register(plugins as readonly PluginClass[], options);
  }

  /** Unloads the plugin (and its dependents) and forgets it. */
  async unregister(name: string): Promise<void> {
    const record = this.#store.get(name);
    await this.#queue.run(`unregister:${name}`, `unregister('${name}')`, 'exclusive', async () => {
      await this.#unloader.unload(record);
      this.#store.delete(record);
      this.#switch.forget(record);
    });
    this.#loading.forget(name);
  }

  // ---------------------------------------------------------------- plugins from files

  /**
   * Registers (does not load) every plugin found under `dir`: modules matching `pattern` (default
   * `*.plugin.{js,mjs}`, plus `.ts` with a TS loader), and each sub-folder holding a `plugin.json`,
   * whose manifest is validated before its `main` is imported. A module that fails to import or
   * exports no plugin, or a folder with an invalid manifest, is logged, passed to `onError` and
   * skipped. Resolves to the names registered. A missing directory, or two sources of one name,
   * rejects with `PluginDiscoveryError`.
   */
  discoverPlugins(dir: string, options: DiscoverOptions = {}): Promise<string[]> {
    return this.#loading.discover(dir, options);
  }

  /**
   * Registers the plugin modules of the host's dependencies that declare
   * `"trellis": { "plugins": [...] }` in their `package.json`; resolves to the names registered.
   */
  discoverPackages(options: DiscoverPackagesOptions = {}): Promise<string[]> {
    return this.#loading.discoverPackages(options);
  }

  /**
   * Loads URI groups into {@link PluginManager.groups}: URIs are appended in order, a URI already in
   * its group keeps its first place, plugin classes are registered (resolves to their names). Rejects
   * with the loader's `UriError` for a malformed URI, a missing module or a missing export.
   */
  addGroups(
    groups: UriGroups | ReadonlyMap<string, readonly string[]>,
    options: LoadFromUriOptions = {},
  ): Promise<string[]> {
    return this.#loading.addGroups(groups, options);
  }

  /** URI groups: group name → ordered map from URI to the loaded object (function, class, instance or module). */
  get groups(): ReadonlyMap<string, ReadonlyMap<string, unknown>> {
    return this.#loading.groups;
  }

  /**
   * Where a plugin came from when it was registered from a file (directory, plugin folder, package or
   * URI); `undefined` for a class registered in code. Throws `PluginNotFoundError` for an unknown name.
   */
  getPluginSource(name: string): PluginSourceInfo | undefined {
    this.#store.get(name);
    return this.#loading.sourceInfo(name);
  }

  /**
   * Watches the files plugins were discovered from and reloads a plugin when its files change
   * (debounced; a burst of saves is one reload). A change that fails to import or validate is
   * reported and leaves the running version serving. `close()` stops it too.
   */
  watch(options: WatchOptions = {}): PluginWatcher {
    return this.#loading.watch(options);
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Loads the plugin and, first, its dependencies: instantiates it through the container, runs
   * `initialize` and registers its hooks. Idempotent: resolves to the same live instance; concurrent
   * calls share one instantiation. Rejects with the plugin's failure.
   */
  async load<T extends object = object>(name: string): Promise<T> {
    const record = this.#store.get(name);
    return (await this.#queue.run(`load:${name}`, `load('${name}')`, 'constructive', () =>
      this.#loader.load(record),
    )) as T;
  }

  /**
   * Loads every registered, enabled plugin in dependency order. Never rejects in `isolate` mode; in
   * `abort` mode the first failure unloads what this call loaded and rejects with `StartupError`.
   */
  loadAll(): Promise<LoadReport> {
    const unknown = this.#unknownSections();
    return unknown === undefined
      ? this.#queue.run('loadAll', 'loadAll()', 'constructive', () => this.#loadSequence.run())
      : Promise.reject(unknown);
  }

  /**
   * Loads and starts every enabled plugin in dependency order: each plugin is instantiated and
   * initialized once its dependencies have started. Resolves to a `StartReport` (load failures
   * included) and dispatches `trellis.app.startup`. In `abort` mode the first failure stops what
   * started, in reverse order, and rejects with `StartupError`.
   */
  start(): Promise<StartReport> {
    const unknown = this.#unknownSections();
    return unknown === undefined
      ? this.#queue.run('start', 'start()', 'constructive', () => this.#sequence.start())
      : Promise.reject(unknown);
  }

  /**
   * Validates a new config section for a registered plugin and applies it: the plugin's next load
   * uses it (a loaded plugin keeps its config until `reload(name)`). A plugin that failed, for
   * instance on its config, can then be loaded again (`load(name)`, `start()`). Throws
   * `ConfigValidationError` (nothing applied) when the section does not match the schema, and
   * `PluginNotFoundError` for an unregistered name.
   *
   * @example
   * ```ts
   * const report = await manager.start();          // 'audit' failed: maxEntries must be an integer
   * manager.configure('audit', { maxEntries: 100 });
   * await manager.start();                          // report.started: ['audit']
   * ```
   */
  configure(name: string, section: Readonly<Record<string, unknown>>): void {
    const record = this.#store.get(name);
    const { problems } = this.#config.validate(name, record.meta.config, section);
    if (problems.length > 0) throw new ConfigValidationError(name, problems);
    this.#config.set(name, section);
  }

  /** Unknown config sections: warned about, or under `strict` the error to reject with. */
  #unknownSections(): ConfigValidationError | undefined {
    const problems = this.#config.checkSections(this.#store.records);
    const first = problems[0];
    return first === undefined ? undefined : new ConfigValidationError(first.key, problems);
  }

  /**
   * Stops every started plugin in reverse start order, each bounded by `lifecycleTimeout`; errors
   * are logged and collected, never stop the sequence. Dispatches `trellis.app.shutdown`.
   * Idempotent: with nothing started it does nothing.
   */
  stop(): Promise<StopReport> {
    return this.#queue.run('stop', 'stop()', 'exclusive', () => this.#sequence.stop());
  }

  /**
   * Unloads the plugin and, first, its dependents (stopping those that run): hooks and provided
   * services are removed, the instance is released (`@preDestroy` runs).
   */
  async unload(name: string): Promise<void> {
    const record = this.#store.get(name);
    await this.#queue.run(`unload:${name}`, `unload('${name}')`, 'exclusive', () =>
      this.#unloader.unload(record),
    );
  }

  /** Unloads every loaded plugin, dependents first. */
  unloadAll(): Promise<void> {
    return this.#queue.run('unloadAll', 'unloadAll()', 'exclusive', () => this.#unloader.unloadAll());
  }

  /** Stops then unloads everything; also removes the shutdown hooks. */
  async close(): Promise<void> {
    this.#shutdownHooks.remove();
    await this.#queue.run('close', 'close()', 'exclusive', async () => {
      await this.#loading.close();
      await this.#sequence.stop();
      await this.#unloader.unloadAll();
    });
  }

  /** `await using manager = new PluginManager()` closes it at the end of the scope. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  /**
   * Hot-reloads a plugin registered in code (after `register(NewClass, { replace: true })`, or to
   * get a fresh instance): stops and unloads it and its loaded dependents, then loads them again and
   * starts those that were running. Rejects with the plugin's error when it fails to come back; its
   * dependents then fail with a `DependencyError` naming it.
   *
   * A plugin that came from a file (discovery, packages, URI groups) is reloaded atomically: its module
   * is imported again and validated first (a syntax error, a missing export or invalid metadata
   * rejects and touches nothing); its declared hooks keep answering throughout; a new version that
   * fails in `initialize` is rolled back and the call rejects; one that fails in `start` is rolled back
   * and the report says `rolledBack: true`.
   */
  async reload(name: string): Promise<FileReloadReport> {
    const record = this.#store.get(name);
    return this.#queue.run(`reload:${name}`, `reload('${name}')`, 'exclusive', () =>
      this.#loading.reload(record),
    );
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

  /**
   * Filter dispatch, synchronous: each handler may replace the value; async handlers are skipped
   * (and reported through `onWarning`).
   */
  trigger<T>(point: FilterPoint<T>, data: T, options?: DispatchOptions): T;
  trigger<T>(event: string, data: T, options?: DispatchOptions): T;
  trigger(event: string | FilterPoint<unknown>, data: unknown, options?: DispatchOptions): unknown {
    return this.#registry.filter(event as FilterPoint<unknown>, data, options);
  }

  /** Filter dispatch running sync and async handlers in order; resolves to the final value. */
  triggerAsync<T>(point: FilterPoint<T>, data: T, options?: DispatchOptions): Promise<T>;
  triggerAsync<T>(event: string, data: T, options?: DispatchOptions): Promise<T>;
  triggerAsync(
    event: string | FilterPoint<unknown>,
    data: unknown,
    options?: DispatchOptions,
  ): Promise<unknown> {
    return this.#registry.filterAsync(event as FilterPoint<unknown>, data, options);
  }

  /** Notify dispatch, synchronous: every handler gets the payload; results are ignored. */
  notify<T>(point: NotifyPoint<T>, payload: T, options?: DispatchOptions): void;
  notify(event: string, payload?: unknown, options?: DispatchOptions): void;
  notify(event: string | NotifyPoint<unknown>, payload?: unknown, options?: DispatchOptions): void {
    this.#registry.notify(event as NotifyPoint<unknown>, payload, options);
  }

  /** Notify dispatch running sync and async handlers, in series or with `{ parallel: true }`. */
  notifyAsync<T>(point: NotifyPoint<T>, payload: T, options?: NotifyAsyncOptions): Promise<void>;
  notifyAsync(event: string, payload?: unknown, options?: NotifyAsyncOptions): Promise<void>;
  notifyAsync(
    event: string | NotifyPoint<unknown>,
    payload?: unknown,
    options?: NotifyAsyncOptions,
  ): Promise<void> {
    return this.#registry.notifyAsync(event as NotifyPoint<unknown>, payload, options);
  }

  /** Collect dispatch, synchronous: the non-`undefined` handler results, in order. */
  collect<TIn, TOut>(point: CollectPoint<TIn, TOut>, input: TIn, options?: DispatchOptions): TOut[];
  collect<TOut = unknown>(event: string, input?: unknown, options?: DispatchOptions): TOut[];
  collect(
    event: string | CollectPoint<unknown, unknown>,
    input?: unknown,
    options?: DispatchOptions,
  ): unknown[] {
    return this.#registry.collect(event as CollectPoint<unknown, unknown>, input, options);
  }

  /** Collect dispatch running sync and async handlers in order. */
  collectAsync<TIn, TOut>(
    point: CollectPoint<TIn, TOut>,
    input: TIn,
    options?: DispatchOptions,
  ): Promise<TOut[]>;
  collectAsync<TOut = unknown>(event: string, input?: unknown, options?: DispatchOptions): Promise<TOut[]>;
  collectAsync(
    event: string | CollectPoint<unknown, unknown>,
    input?: unknown,
    options?: DispatchOptions,
  ): Promise<unknown[]> {
    return this.#registry.collectAsync(event as CollectPoint<unknown, unknown>, input, options);
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
    event: string | MiddlewarePoint<unknown, unknown>,
    ctx: unknown,
    terminal: (ctx: unknown) => unknown,
    options?: DispatchOptions,
  ): Promise<unknown> {
    return this.#registry.run(event as MiddlewarePoint<unknown, unknown>, ctx, terminal, options);
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
    this.#switch.enable(this.#store.get(name));
  }

  /** Disables a plugin at once: its hooks are skipped, `loadAll` skips it; a loaded one stays loaded. */
  disablePlugin(name: string): void {
    this.#switch.disable(this.#store.get(name));
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
    return this.#shutdownHooks.install(signals, options);
  }

  // ---------------------------------------------------------------- introspection

  /** The live instance of a plugin (by name or class), or `undefined` when it is not loaded. */
  getPlugin<T extends object>(plugin: PluginClass<T>): T | undefined;
  // The type argument is the caller's promise about what the named plugin is.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  getPlugin<T extends object = object>(name: string): T | undefined;
  getPlugin(plugin: string | PluginClass): object | undefined {
    const record = typeof plugin === 'string' ? this.#store.get(plugin) : this.#store.ofClass(plugin);
    return record.live?.instance;
  }

  /** Every registered plugin with its state and live instance, in registration order. */
  getAllPlugins(): PluginDescriptor[] {
    return this.#introspection.describe();
  }

  /** Names of the registered plugins, in registration order. */
  getRegisteredPlugins(): string[] {
    return [...this.#store.records.keys()];
  }

  /** Names of the loaded plugins, in registration order. */
  getLoadedPlugins(): string[] {
    return this.#introspection.loadedNames();
  }

  /** Whether the plugin is loaded. */
  isLoaded(name: string): boolean {
    return this.#store.get(name).live?.instance !== undefined;
  }

  /** Event names and patterns that have handlers. */
  getEvents(): string[] {
    return this.#registry.events();
  }

  /** The plugin's state. */
  getState(name: string): PluginState {
    return this.#store.get(name).state;
  }

  /** One JSON-safe row per plugin: state, dependencies, redacted config, last error, timings. */
  status(): PluginStatus[] {
    return this.#introspection.status();
  }

  /** The dependency graph as JSON-safe data: nodes, edges (from dependent to dependency), order, cycles. */
  graph(): PluginGraph {
    return this.#introspection.graph();
  }
}
