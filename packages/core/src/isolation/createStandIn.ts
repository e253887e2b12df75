import { StopPropagation, TrellisError, ValidationError, type HookContext } from '@trellis/extensions';
import { preDestroy, type ServiceIdentifier } from 'inversify';
import semver from 'semver';
import type { PluginContext } from '../context/PluginContext.js';
import type { PluginHookOptions } from '../context/PluginHookOptions.js';
import type { Logger } from '../logging/Logger.js';
import { plugin } from '../plugins/plugin.js';
import type { PluginClass } from '../plugins/PluginClass.js';
import type { PluginOptions } from '../plugins/PluginOptions.js';
import { IsolatedChannel } from './IsolatedChannel.js';
import type { IsolationError } from './IsolationError.js';
import {
  ISOLATION_INFO,
  STAND_IN_BRIDGE,
  type IsolationInfo,
  type StandInBridge,
  type StandInHook,
} from './IsolationInfo.js';
import { RemoteValues, type RemoteCall, type RemoteTokenInfo } from './RemoteValues.js';
import { ISOLATION_KEYS, resolveIsolationSettings, type IsolationSettings } from './IsolationSettings.js';

/** The manager's run-time fault API, as a stand-in uses it. Internal. */
export interface StandInFaults {
  /** Marks the live plugin failed (and its dependents), outside a lifecycle phase. */
  fail(name: string, error: TrellisError): Promise<void>;
  /** Loads the failed plugin again, and starts it when `start`. */
  restart(name: string, start: boolean): Promise<boolean>;
}

/** What {@link createStandIn} builds a stand-in from. Internal. */
export interface StandInInit {
  /** The plugin's own options (read from the class the host imported). */
  readonly options: PluginOptions;
  /** What the plugin's class injects, when the host imported it (orders it after its providers). */
  readonly injected: readonly ServiceIdentifier[];
  /** The module and export the worker imports. */
  readonly file: string;
  readonly exportName: string;
  /** Isolation settings known at registration (metadata merged with the config section then). */
  readonly settings: IsolationSettings;
  /** The plugin's config section at registration (its isolation keys count unless the section at load has its own). */
  readonly section: unknown;
  /** Permissions granted to the plugin (declared ∩ granted), for the process's flags and env. */
  readonly granted: () => readonly string[];
  readonly faults: StandInFaults;
  readonly logger: Logger;
  /** The manager's lifecycle timeout (ms): a `stop()` past it ends the worker/process. */
  readonly lifecycleTimeout: number;
}

/** One `@hook` declaration reported by the worker. */
interface RemoteHook {
  readonly index: number;
  /** The name of its method (or of its `definePlugin` hook). */
  readonly method: string;
  readonly event: string;
  readonly priority?: PluginHookOptions['priority'];
  readonly timeout?: number;
  readonly kinds?: PluginHookOptions['kinds'];
}

/** What an isolated plugin's worker/process reports, handled by the instance that took it. */
interface ChannelHandlers {
  onLog(line: string): void;
  onFault(error: IsolationError): void;
  onCall(call: RemoteCall): Promise<unknown>;
  onRelease(ref: number): void;
}

/** A started worker/process, with the import of the plugin's module under way. */
interface OpenedChannel {
  readonly channel: IsolatedChannel;
  /** The mode, limits and grants it was started with. */
  readonly key: string;
  /** The tokens the plugin class injects, once its module is imported. */
  readonly inspected: Promise<RemoteTokenInfo[]>;
  handlers: ChannelHandlers | undefined;
}

/** What a worker/process is started with: one started ahead serves only the same. */
function channelKey(settings: IsolationSettings, granted: readonly string[]): string {
  return JSON.stringify([settings.mode, settings.limits, [...granted].sort()]);
}

const DEFAULT_HOOK_TIMEOUT = 30_000;
const BACKOFF_START = 100;
const BACKOFF_CAP = 5_000;

const LEVELS: Readonly<Record<number, 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal'>> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

/** Writes one pino JSON line of the isolated plugin through the host logger (already tagged). */
function forwardLog(logger: Logger, line: string): void {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    logger.info({ isolated: true }, line.trim());
    return;
  }
  const { level, msg, ...fields } = entry;
  delete fields.plugin; // the host logger is already bound to the plugin
  const method = LEVELS[typeof level === 'number' ? level : 30] ?? 'info';
  logger[method]({ ...fields, isolated: true }, typeof msg === 'string' ? msg : '');
}

/**
 * Builds the stand-in the host registers for an isolated plugin: a plugin class with the same name,
 * version, dependencies, permissions and config schema whose `initialize` starts the worker or
 * process (counted against the initialize timeout), which imports the same module and export and
 * builds the plugin there; the reported `@hook` declarations become async handlers in the host's
 * dispatch; `start`/`stop` are forwarded; unload terminates it. A fault between phases marks the
 * plugin failed through `faults` and, within the restart budget, restarts it with backoff (100 ms
 * doubling, at most 5 s). Tokens it `provides` cannot cross the boundary: refused at load. Internal.
 */
export function createStandIn(init: StandInInit): PluginClass {
  const { options, file, exportName, faults, logger } = init;
  const name = options.name;
  const info: IsolationInfo = {
    mode: init.settings.mode,
    injected: init.injected,
    restarts: 0,
    prepare: () => undefined,
    discard: () => undefined,
  };
  /** Times of the restarts within the window. */
  const restartTimes: number[] = [];

  const scheduleRestart = (settings: IsolationSettings, wasStarted: boolean): void => {
    const policy = settings.restart;
    if (policy === undefined) return;
    const now = Date.now();
    while (restartTimes.length > 0 && now - (restartTimes[0] ?? 0) > policy.windowMs) restartTimes.shift();
    if (restartTimes.length >= policy.maxRestarts) {
      logger.error(
        { plugin: name, restarts: info.restarts },
        `Isolated plugin '${name}' used its restart budget (${String(policy.maxRestarts)} in ${String(policy.windowMs)} ms): it stays failed`,
      );
      return;
    }
    const delay = Math.min(BACKOFF_CAP, BACKOFF_START * 2 ** restartTimes.length);
    restartTimes.push(now + delay);
    setTimeout(() => {
      info.restarts += 1;
      faults.restart(name, wasStarted).catch((error: unknown) => {
        logger.error({ plugin: name, err: error }, `Isolated plugin '${name}' could not be restarted`);
      });
    }, delay).unref();
  };

  /**
   * Starts the worker/process and the import of the plugin's module in it (`inspect`); what it
   * reports goes to `handlers` once an instance attaches them.
   */
  const open = (settings: IsolationSettings): OpenedChannel => {
    const granted = init.granted();
    const opened: { -readonly [K in keyof OpenedChannel]: OpenedChannel[K] } = {
      key: channelKey(settings, granted),
      handlers: undefined,
      channel: undefined as unknown as IsolatedChannel,
      inspected: Promise.resolve([]),
    };
    opened.channel = new IsolatedChannel({
      plugin: name,
      mode: settings.mode === 'process' ? 'process' : 'worker',
      file,
      limits: settings.limits,
      granted,
      onLog: (line) => opened.handlers?.onLog(line),
      onFault: (error) => opened.handlers?.onFault(error),
      onRelease: (ref) => opened.handlers?.onRelease(ref),
      onCall: (call) =>
        opened.handlers?.onCall(call) ??
        Promise.reject(new Error(`Isolated plugin '${name}' called the host before it was initialized`)),
    });
    opened.inspected = opened.channel.request('inspect', { file, exportName }) as Promise<RemoteTokenInfo[]>;
    opened.inspected.catch(() => undefined); // observed by initialize, or dropped with the channel
    return opened;
  };

  /** A channel started ahead by `prepare()`, until an `initialize` takes it or `discard()` ends it. */
  let prepared: OpenedChannel | undefined;

  /** The prepared channel when it was started with these settings and grants (else it is ended). */
  const takePrepared = (settings: IsolationSettings): OpenedChannel | undefined => {
    const taken = prepared;
    prepared = undefined;
    if (taken === undefined) return undefined;
    if (taken.key === channelKey(settings, init.granted()) && taken.channel.fault === undefined) return taken;
    void taken.channel.close();
    return undefined;
  };

  /**
   * The worker/process a reload bridge holds past its plugin's unload. When the reload fails and
   * this class is loaded again (the rollback), `initialize` takes it back: it still has this
   * version's module imported, while the file on disk may already hold the new one.
   */
  let held: OpenedChannel | undefined;

  const takeHeld = (settings: IsolationSettings): OpenedChannel | undefined => {
    const taken = held;
    if (taken === undefined || taken.channel.fault !== undefined) return undefined;
    if (taken.key !== channelKey(settings, init.granted())) return undefined;
    held = undefined;
    return taken;
  };

  info.prepare = () => {
    prepared ??= open(init.settings);
  };
  info.discard = () => {
    const taken = prepared;
    prepared = undefined;
    void taken?.channel.close();
  };

  class IsolatedPluginStandIn {
    #channel: IsolatedChannel | undefined;
    /** A lifecycle phase is running: its own failure path reports a fault. */
    #inPhase = false;
    #started = false;
    #settings: IsolationSettings = init.settings;
    #ctx: PluginContext | undefined;
    /** The hooks registered in the host's dispatch, for a reload bridge. */
    readonly #hooks: StandInHook[] = [];
    #opened: OpenedChannel | undefined;
    #hookTimeout = DEFAULT_HOOK_TIMEOUT;
    #destroyed = false;

    async initialize(ctx: PluginContext): Promise<void> {
      const provided = options.provides ?? [];
      if (provided.length > 0) {
        const tokens = provided.map((entry) => String(entry.token)).join(', ');
        throw new ValidationError(
          `Isolated plugin '${name}' provides ${tokens}: provided values cannot cross to a worker or process. Run it with isolation 'none', or move the provider to a plugin in the host.`,
        );
      }
      const section = ctx.config.all();
      this.#ctx = ctx;
      const registered = typeof init.section === 'object' && init.section !== null ? init.section : {};
      this.#settings = resolveIsolationSettings(name, options, {
        ...pick(registered as Record<string, unknown>),
        ...pick(section),
      });
      const settings = this.#settings;
      const opened = takeHeld(settings) ?? takePrepared(settings) ?? open(settings);
      this.#opened = opened;
      const channel = opened.channel;
      const remote: RemoteValues = new RemoteValues(
        name,
        (cb, args): Promise<unknown> => channel.request('callback', { cb, args }),
        (cb, count) => {
          channel.notify('release', { cb, count });
        },
      );
      opened.handlers = {
        onLog: (line) => {
          forwardLog(ctx.logger, line);
        },
        onFault: (error) => {
          this.#onFault(error);
        },
        onCall: (call) => remote.call(call),
        onRelease: (ref) => {
          remote.release(ref);
        },
      };
      this.#channel = channel;
      const config = Object.fromEntries(
        Object.entries(section).filter(([key]) => !ISOLATION_KEYS.includes(key)),
      );
      const hooks = (await this.#phase(ctx, 'initialize', async () => {
        const tokens = await opened.inspected;
        const bindings = remote.bind(tokens, (token: string | symbol): unknown => ctx.get(token));
        return channel.request('init', {
          file,
          exportName,
          plugin: name,
          config,
          bindings,
          stubs: dependencyStubs(options),
        });
      })) as RemoteHook[];
      const hookTimeout = settings.limits.hookTimeoutMs ?? DEFAULT_HOOK_TIMEOUT;
      this.#hookTimeout = hookTimeout;
      for (const remote of hooks) {
        const hook: StandInHook = {
          point: remote.event,
          handler: this.#handler(channel, remote) as StandInHook['handler'],
          options: {
            name: `${name}.${remote.method}`,
            ...(remote.priority === undefined ? {} : { priority: remote.priority }),
            ...(remote.kinds === undefined ? {} : { kinds: remote.kinds }),
            timeout: remote.timeout ?? hookTimeout,
          },
        };
        // wired by the manager with the declared hooks, as the plugin turns `loaded`
        this.#hooks.push(hook);
      }
    }

    /** A reload bridges its hooks to this worker/process, held until the new one answers. */
    get [STAND_IN_BRIDGE](): StandInBridge {
      return {
        hooks: this.#hooks,
        hold: () => {
          const mine = this.#opened;
          held = mine;
          return () => {
            // ended unless a rollback took it back, or this incarnation is still loaded
            if (mine === undefined || held !== mine) return;
            held = undefined;
            // dispatches that reached the old version still get its answers
            if (this.#destroyed) void mine.channel.closeWhenIdle(this.#hookTimeout);
          };
        },
      };
    }

    async start(): Promise<void> {
      const channel = this.#channel;
      if (channel === undefined) return;
      await this.#phase(this.#ctx, 'start', () => channel.request('start'));
      this.#started = true;
    }

    async stop(): Promise<void> {
      const channel = this.#channel;
      this.#started = false;
      if (channel === undefined || channel.fault !== undefined) return;
      // The host aborts the signal before stop(), so a stop past its time is noticed here.
      const limit = init.lifecycleTimeout;
      const timer = Number.isFinite(limit)
        ? setTimeout(() => {
            channel.kill('timeout', 'its stop() did not settle within the lifecycle timeout');
          }, limit)
        : undefined;
      try {
        await this.#phase(undefined, 'stop', () => channel.request('stop'));
      } finally {
        clearTimeout(timer);
      }
    }

    /** Ends the worker/process and waits for it to exit, so an unload or `close()` leaves nothing running. */
    @preDestroy()
    async destroy(): Promise<void> {
      const channel = this.#channel;
      this.#channel = undefined;
      this.#destroyed = true;
      if (channel !== undefined && channel === held?.channel) return; // a reload bridge holds it
      await channel?.close();
    }

    async #phase(
      ctx: PluginContext | undefined,
      phase: string,
      work: () => Promise<unknown>,
    ): Promise<unknown> {
      const channel = this.#channel;
      const signal = ctx?.signal;
      const onAbort = (): void => {
        if (TrellisError.is(signal?.reason, 'TRELLIS_LIFECYCLE_TIMEOUT'))
          channel?.kill('timeout', `its ${phase}() did not settle within the lifecycle timeout`);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#inPhase = true;
      try {
        return await work();
      } finally {
        this.#inPhase = false;
        signal?.removeEventListener('abort', onAbort);
      }
    }

    #handler(channel: IsolatedChannel, remote: RemoteHook) {
      return async (value: unknown, hookCtx: HookContext): Promise<unknown> => {
        const signal = hookCtx.signal;
        const onAbort = (): void => {
          channel.kill('timeout', `its hook on '${hookCtx.event}' did not settle within its timeout`);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        try {
          const answer = (await channel.hook({
            index: remote.index,
            event: hookCtx.event,
            kind: hookCtx.kind,
            ...(value === undefined ? {} : { value }),
          })) as { stop?: boolean; value?: unknown };
          if (answer.stop === true)
            throw new StopPropagation(`stopped by isolated plugin '${name}'`, answer.value);
          return answer.value;
        } finally {
          signal.removeEventListener('abort', onAbort);
        }
      };
    }

    #onFault(error: IsolationError): void {
      if (this.#inPhase) return; // the phase rejects with it and fails the plugin
      if (this.#destroyed) return; // a worker held for a reload bridge: the plugin has moved on
      const wasStarted = this.#started;
      const settings = this.#settings;
      faults
        .fail(name, error)
        .then(() => {
          scheduleRestart(settings, wasStarted);
        })
        .catch((failure: unknown) => {
          logger.error({ plugin: name, err: failure }, `Could not mark isolated plugin '${name}' failed`);
        });
    }
  }

  const config = options.config;
  const schema =
    config !== undefined && typeof config === 'object' && !('~standard' in config)
      ? {
          ...config,
          isolation: { type: 'string', enum: ['none', 'worker', 'process'] },
          limits: { type: 'object' },
          restart: { type: 'object' },
        }
      : config;
  plugin({
    name,
    ...(options.version === undefined ? {} : { version: options.version }),
    ...(options.description === undefined ? {} : { description: options.description }),
    ...(options.author === undefined ? {} : { author: options.author }),
    ...(options.dependencies === undefined ? {} : { dependencies: options.dependencies }),
    ...(options.optionalDependencies === undefined
      ? {}
      : { optionalDependencies: options.optionalDependencies }),
    ...(options.engines === undefined ? {} : { engines: options.engines }),
    ...(options.permissions === undefined ? {} : { permissions: options.permissions }),
    ...(schema === undefined ? {} : { config: schema as PluginOptions['config'] & object }),
  })(IsolatedPluginStandIn);
  Object.defineProperty(IsolatedPluginStandIn, ISOLATION_INFO, { value: info });
  Object.defineProperty(IsolatedPluginStandIn, 'name', { value: `Isolated(${name})` });
  return IsolatedPluginStandIn;
}

/**
 * Empty plugins standing for the plugin's dependencies on the isolated side (they run in the
 * host), each with the lowest version its range allows.
 */
function dependencyStubs(options: PluginOptions): { name: string; version: string }[] {
  const spec = options.dependencies ?? [];
  const entries: [string, string][] = Array.isArray(spec)
    ? (spec as readonly string[]).map((dep) => [dep, '*'])
    : Object.entries(spec as Readonly<Record<string, string>>);
  return entries.map(([dep, range]) => ({
    name: dep,
    version: range === '*' ? '1.0.0' : (semver.minVersion(range)?.version ?? '1.0.0'),
  }));
}

/** The isolation keys of a config section. */
function pick(section: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(section).filter(([key]) => ISOLATION_KEYS.includes(key)));
}
