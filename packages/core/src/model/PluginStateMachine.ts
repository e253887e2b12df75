import type { TrellisError } from '@trellis/extensions';
import { PluginStateError } from '../errors/PluginStateError.js';
import type { PluginRecord } from './PluginRecord.js';
import type { PluginState } from './PluginState.js';
import { STATE, STATE_BEFORE_DISABLE } from './STATE.js';
import { STATE_TRANSITIONS } from './STATE_TRANSITIONS.js';

/** Told of every transition, after it happened: announces it (log, lifecycle event). Internal. */
export interface StateListener {
  /** Resolves once the transition is announced (lifecycle events are delivered before the call resolves). */
  entered(record: PluginRecord, from: PluginState, to: PluginState): Promise<void> | undefined;
}

/**
 * The one owner of plugin states: performs each transition (refusing any that
 * {@link STATE_TRANSITIONS} does not list), keeps `lastError` and the start order, and has the
 * listener announce it. Whether a plugin is started is read from its state, never stored beside it.
 * Internal.
 */
export class PluginStateMachine {
  readonly #listener: StateListener;
  /** Started plugins in the order they entered `started` (stopping reverses it). */
  readonly #startOrder = new Set<PluginRecord>();

  constructor(listener: StateListener) {
    this.#listener = listener;
  }

  /** Started plugins, in start order. */
  get started(): ReadonlySet<PluginRecord> {
    return this.#startOrder;
  }

  /** Whether `from → to` is a legal move. */
  static allows(from: PluginState, to: PluginState): boolean {
    return STATE_TRANSITIONS[from].includes(to);
  }

  /**
   * Moves the plugin to `to` and announces it; `error` is the failure when `to` is `failed`.
   * Throws `PluginStateError` (naming the plugin, its state and the move) when the move is illegal.
   */
  transition(record: PluginRecord, to: PluginState, error?: TrellisError): Promise<void> | undefined {
    const from = record[STATE];
    if (!STATE_TRANSITIONS[from].includes(to)) throw new PluginStateError({ plugin: record.name, from, to });
    record[STATE] = to;
    if (from === 'started') this.#startOrder.delete(record);
    if (to === 'started') this.#startOrder.add(record);
    if (to === 'disabled') record[STATE_BEFORE_DISABLE] = from === 'disabled' ? 'registered' : from;
    if (to === 'loading') record.lastError = undefined;
    else if (to === 'failed' && error !== undefined) record.lastError = error;
    return this.#listener.entered(record, from, to);
  }
}
