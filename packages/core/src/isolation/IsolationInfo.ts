import type { ServiceIdentifier } from 'inversify';
import type { PluginHookOptions } from '../context/PluginHookOptions.js';
import type { IsolationMode } from './IsolationSettings.js';

/** The key under which a stand-in class carries its {@link IsolationInfo}. Internal. */
export const ISOLATION_INFO: unique symbol = Symbol('trellis.isolation');

/**
 * What the manager knows of an isolated plugin, kept across its incarnations: what `status()` shows,
 * and how to start its worker/process ahead of its turn in a start sequence. Internal.
 */
export interface IsolationInfo {
  readonly mode: IsolationMode;
  /** What the plugin's own class injects (empty when the host never imported it). */
  readonly injected: readonly ServiceIdentifier[];
  /** Restarts made so far. */
  restarts: number;
  /** Starts the worker/process and the import of the plugin's module now; `initialize` takes it. */
  prepare: () => void;
  /** Ends what `prepare()` started if no `initialize` took it. */
  discard: () => void;
}

/** The isolation info of a plugin class (`undefined` for a plugin running in the host). Internal. */
export function isolationInfoOf(cls: unknown): IsolationInfo | undefined {
  if (typeof cls !== 'function') return undefined;
  return (cls as unknown as { [ISOLATION_INFO]?: IsolationInfo })[ISOLATION_INFO];
}

/** One hook of an isolated plugin, answered through its worker/process. Internal. */
export interface StandInHook {
  readonly point: string;
  readonly handler: (...args: unknown[]) => unknown;
  readonly options: PluginHookOptions;
}

/** What a stand-in instance offers the hook wiring and a reload bridge. Internal. */
export interface StandInBridge {
  /** The hooks its worker/process reported at `initialize`, wired as the plugin turns `loaded`. */
  readonly hooks: readonly StandInHook[];
  /** Keeps its worker/process running past its unload until the returned function is called. */
  hold(): () => void;
}

/** The key under which a stand-in instance offers its {@link StandInBridge}. Internal. */
export const STAND_IN_BRIDGE: unique symbol = Symbol('trellis.standInBridge');

/** The bridge support of a plugin instance (`undefined` for a plugin running in the host). Internal. */
export function standInBridgeOf(instance: unknown): StandInBridge | undefined {
  if (typeof instance !== 'object' || instance === null) return undefined;
  return (instance as { [STAND_IN_BRIDGE]?: StandInBridge })[STAND_IN_BRIDGE];
}
