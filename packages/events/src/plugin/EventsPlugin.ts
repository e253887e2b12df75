import {
  TOKENS,
  getPluginOptions,
  inject,
  plugin,
  type ExtensionRegistry,
  type Logger,
  type PluginConfig,
  type PluginContext,
  type PluginManager,
} from '@trellis/core';
import type { EventBus } from '../bus/EventBus.js';
import type { EventBusStats } from '../bus/EventBusStats.js';
import { EventHub, type BusCaller } from '../bus/EventHub.js';
import { PluginEventBus } from '../bus/PluginEventBus.js';
import { describeCause } from '../bus/describeCause.js';
import type { CloudEvent } from '../transport/CloudEvent.js';
import { InMemoryTransport } from '../transport/InMemoryTransport.js';
import { EVENT_BUS } from './EVENT_BUS.js';
import { EVENT_TRANSPORT } from './EVENT_TRANSPORT.js';
import { readEventSubscriptions } from './readEventSubscriptions.js';

const PLUGIN_ERROR = 'trellis.plugin.error';

/** A metric definition as the metrics plugin reads it. */
interface MetricDefinition {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter';
  readonly labels: readonly string[];
}

const METRICS = [
  ['trellis_events_published_total', 'Events published, by publishing plugin', 'published'],
  [
    'trellis_events_delivered_total',
    'Event handler calls that succeeded, by subscribing plugin',
    'delivered',
  ],
  ['trellis_events_failed_total', 'Event handler calls that threw, rejected or timed out', 'failed'],
  [
    'trellis_events_skipped_total',
    'Events not handled because the subscribing plugin was disabled',
    'skipped',
  ],
  ['trellis_events_dropped_total', "Events dropped because a subscriber's queue was full", 'dropped'],
  ['trellis_events_dead_lettered_total', 'Events given up after maxDeliveries failed calls', 'deadLettered'],
] as const;

/**
 * The event bus system plugin (`trellis.events`). Offers each plugin its own {@link EventBus} under
 * `EVENT_BUS`, delivers events to event-handler plugins (`eventSubscriptions` + `handleEvent`), and
 * moves events through the transport bound to `EVENT_TRANSPORT` (e.g. by `@trellis/redis`) or an
 * in-memory one. Config section `trellis.events`: `queueLimit` (default 10 000 events per
 * subscriber, oldest dropped when full), `maxDeliveries` (default 5), `handlerTimeout` (ms, default
 * 30 000, 0 for none).
 *
 * @example
 * ```ts
 * manager.register([EventsPlugin, AuditPlugin]);
 * await manager.start();
 * ```
 */
@plugin({
  name: 'trellis.events',
  version: '1.0.0',
  description: 'Event bus: CloudEvents envelopes, wildcard subscriptions, pluggable transports',
  optionalDependencies: { 'trellis.redis': '*' },
  config: {
    queueLimit: { type: 'integer', default: 10_000, min: 1, description: 'Events waiting per subscriber' },
    maxDeliveries: { type: 'integer', default: 5, min: 1, description: 'Handler calls per event at most' },
    handlerTimeout: { type: 'integer', default: 30_000, min: 0, description: 'ms per async handler call' },
  },
  provides: [
    {
      token: EVENT_BUS,
      scope: 'consumer',
      useFactory: (own: PluginContext, consumer: PluginContext): EventBus =>
        own.get(EventsPlugin).busFor({ name: consumer.name, version: consumer.version }),
    },
  ],
})
export class EventsPlugin {
  readonly #hub: EventHub;
  readonly #config: PluginConfig;
  readonly #manager: PluginManager;
  readonly #registry: ExtensionRegistry;
  readonly #logger: Logger;
  #ctx: PluginContext | undefined;
  #running = false;
  /** Event-handler plugins whose subscriptions are live. */
  readonly #adopted = new Set<string>();

  constructor(
    @inject(TOKENS.Logger) logger: Logger,
    @inject(TOKENS.Config) config: PluginConfig,
    @inject(TOKENS.Manager) manager: PluginManager,
    @inject(TOKENS.Extensions) registry: ExtensionRegistry,
  ) {
    this.#config = config;
    this.#manager = manager;
    this.#registry = registry;
    this.#logger = logger;
    this.#hub = new EventHub({
      logger,
      handlerTimeout: config.get('handlerTimeout', 30_000),
      queueLimit: config.get('queueLimit', 10_000),
      maxDeliveries: config.get('maxDeliveries', 5),
      isEnabled: (plugin) => registry.isOwnerEnabled(plugin),
      report: (caller, error) => {
        this.#report(caller, error);
      },
    });
  }

  /** The bus of the plugin `caller` (what `EVENT_BUS` resolves to for it). */
  busFor(caller: BusCaller): EventBus {
    return new PluginEventBus(this.#hub, caller, this.#manager.permissionsOf(caller.name));
  }

  /** Delivery counters, in total and per plugin. */
  stats(): EventBusStats {
    return this.#hub.stats();
  }

  initialize(ctx: PluginContext): void {
    this.#ctx = ctx;
    this.#attachTransport(ctx);
    ctx.registerHook('trellis.plugin.started', (event: { pluginName: string }) =>
      this.#adopt(event.pluginName),
    );
    const release = (event: { pluginName: string }): Promise<void> => {
      this.#adopted.delete(event.pluginName);
      return this.#hub.release(event.pluginName);
    };
    ctx.registerHook('trellis.plugin.stopped', release);
    ctx.registerHook('trellis.plugin.unloaded', release);
  }

  async start(): Promise<void> {
    const ctx = this.#ctx;
    if (ctx === undefined) return;
    if (!this.#running) this.#attachTransport(ctx);
    // Event-handler plugins that started before this one.
    for (const name of this.#manager.getLoadedPlugins()) {
      if (name !== ctx.name && this.#manager.getState(name) === 'started') await this.#adopt(name);
    }
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#adopted.clear();
    await this.#hub.close();
  }

  /** Definitions of the bus counters, read by `@trellis/metrics`. */
  metricDefinitions(): MetricDefinition[] {
    return METRICS.map(([name, help]) => ({ name, help, type: 'counter', labels: ['plugin'] }));
  }

  /** The bus counters by plugin, read by `@trellis/metrics` at scrape time. */
  collectMetrics(): Record<string, { labels: { plugin: string }; value: number }[]> {
    const { plugins } = this.#hub.stats();
    const samples: Record<string, { labels: { plugin: string }; value: number }[]> = {};
    for (const [name, , key] of METRICS) {
      samples[name] = [...plugins].map(([plugin, counters]) => ({
        labels: { plugin },
        value: counters[key],
      }));
    }
    return samples;
  }

  #attachTransport(ctx: PluginContext): void {
    if (this.#manager.container.isBound(EVENT_TRANSPORT)) {
      const transport = ctx.get(EVENT_TRANSPORT);
      this.#hub.attach(transport, { owned: false, name: transport.constructor.name });
    } else {
      const transport = new InMemoryTransport({
        queueLimit: this.#config.get('queueLimit', 10_000),
        maxDeliveries: this.#config.get('maxDeliveries', 5),
        onOverflow: this.#hub.overflowed,
        onDeadLetter: this.#hub.deadLettered,
      });
      this.#hub.attach(transport, { owned: true, name: 'memory' });
    }
    this.#running = true;
  }

  /** Subscribes a started plugin's `handleEvent` to its `eventSubscriptions`, if it has any. */
  async #adopt(name: string): Promise<void> {
    if (!this.#running || name === this.#ctx?.name || this.#adopted.has(name)) return;
    const instance = this.#manager.getPlugin(name);
    if (instance === undefined) return;
    const caller: BusCaller = { name, version: getPluginOptions(instance.constructor)?.version ?? '0.0.0' };
    try {
      const declared = readEventSubscriptions(name, instance);
      if (declared === undefined) return;
      this.#adopted.add(name);
      const handle = (instance as { handleEvent: (event: CloudEvent) => unknown }).handleEvent.bind(instance);
      const handler = (event: CloudEvent): void | Promise<void> => handle(event) as void | Promise<void>;
      for (const { pattern, group } of declared) {
        this.#manager.permissionsOf(name).check(`events.subscribe:${pattern}`); // section 9
        await this.#hub.subscribe(caller, pattern, handler, group === undefined ? {} : { group });
      }
    } catch (error) {
      await this.#hub.release(name);
      this.#logger.error({ err: error, plugin: name }, describeCause(error));
      this.#report(caller, error);
    }
  }

  #report(caller: BusCaller, error: unknown): void {
    this.#registry
      .notifyAsync(PLUGIN_ERROR, { pluginName: caller.name, version: caller.version, error })
      .catch(() => undefined);
  }
}
