import type { TrellisError } from '@trellis/extensions';
import type { BindingIdentifier, ServiceIdentifier } from 'inversify';
import type { PluginConfig } from '../config/PluginConfig.js';
import { ManagedPluginContext, type ContextHost } from '../context/ManagedPluginContext.js';
import type { LifecyclePhase } from '../errors/LifecyclePhase.js';
import type { PluginState } from './PluginState.js';
import { STATE, STATE_BEFORE_DISABLE } from './STATE.js';
import type { Logger } from '../logging/Logger.js';
import type { PluginClass } from '../plugins/PluginClass.js';
import type { PluginMetadata } from '../plugins/PluginOptions.js';

/** A loaded incarnation of a plugin: its instance and everything bound for it. Internal. */
export class LivePlugin {
  readonly cls: PluginClass;
  readonly config: PluginConfig;
  readonly context: ManagedPluginContext<LivePlugin>;
  /** Container bindings made for this incarnation (class, provided services), removed on unload. */
  readonly bindings: BindingIdentifier[] = [];
  instance: object | undefined = undefined;

  constructor(host: ContextHost<LivePlugin>, record: PluginRecord, config: PluginConfig) {
    this.cls = record.cls;
    this.config = config;
    this.context = new ManagedPluginContext(host, this, record.name, record.meta.version, config);
  }

  /** The plugin's logger (made on first use). */
  get logger(): Logger {
    return this.context.logger;
  }
}

/** Everything the manager knows about one registered plugin. Internal. */
export class PluginRecord {
  readonly name: string;
  /** Registration sequence number. */
  readonly seq: number;
  cls: PluginClass;
  meta: PluginMetadata;
  /** Service identifiers its class injects (read once at registration). */
  injected: readonly ServiceIdentifier[];
  /** Written by the state machine only. */
  [STATE]: PluginState = 'registered';
  /** Written by the state machine only. */
  [STATE_BEFORE_DISABLE]: PluginState = 'registered';
  enabled = true;
  lastError: TrellisError | undefined;
  /** Milliseconds per phase of the last run of each phase. */
  readonly timings: Partial<Record<LifecyclePhase, number>> = {};
  /** The effective config of the current (or last) load, for status(). */
  effectiveConfig: Readonly<Record<string, unknown>> | undefined;
  live: LivePlugin | undefined;
  loading: Promise<boolean> | undefined;

  /** Where the plugin is in its life (see `PluginStateMachine`). */
  get state(): PluginState {
    return this[STATE];
  }

  /** The state to return to when re-enabled. */
  get stateBeforeDisable(): PluginState {
    return this[STATE_BEFORE_DISABLE];
  }

  /** Whether the plugin is started: read from its state. */
  get started(): boolean {
    return this[STATE] === 'started';
  }

  constructor(init: {
    name: string;
    seq: number;
    cls: PluginClass;
    meta: PluginMetadata;
    injected: readonly ServiceIdentifier[];
  }) {
    this.name = init.name;
    this.seq = init.seq;
    this.cls = init.cls;
    this.meta = init.meta;
    this.injected = init.injected;
  }
}
