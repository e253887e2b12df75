import type { IsolationMode } from './IsolationSettings.js';

/** The key under which a stand-in class carries its {@link IsolationInfo}. Internal. */
export const ISOLATION_INFO: unique symbol = Symbol('trellis.isolation');

/** What `status()` shows about an isolated plugin; kept across its incarnations. Internal. */
export interface IsolationInfo {
  readonly mode: IsolationMode;
  /** Restarts made so far. */
  restarts: number;
}

/** The isolation info of a plugin class (`undefined` for a plugin running in the host). Internal. */
export function isolationInfoOf(cls: unknown): IsolationInfo | undefined {
  if (typeof cls !== 'function') return undefined;
  return (cls as unknown as { [ISOLATION_INFO]?: IsolationInfo })[ISOLATION_INFO];
}
