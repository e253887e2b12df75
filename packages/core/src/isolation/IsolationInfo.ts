import type { ServiceIdentifier } from 'inversify';
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
