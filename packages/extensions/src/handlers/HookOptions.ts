import type { PointKind } from '../points/ExtensionPoint.js';
import type { Priority } from './Priority.js';

/** Options of `registry.on()` (and of `@hook`). */
export interface HookOptions {
  /** Order among handlers: higher first; default `'normal'` (50). */
  readonly priority?: Priority | undefined;
  /** Time limit in milliseconds for one run; default the registry's `defaultTimeout`. */
  readonly timeout?: number | undefined;
  /** How many times a failing run is repeated before it counts as failed; default 0. */
  readonly retries?: number | undefined;
  /** Remove the handler after its first run. */
  readonly once?: boolean | undefined;
  /** The owner (plugin name): used by owner enable/disable/remove, errors and stats. */
  readonly plugin?: string | undefined;
  /** The handler's name in logs, errors and stats; default the function's name. */
  readonly name?: string | undefined;
  /**
   * The dispatch kinds the handler joins; default all. Most useful with wildcards, which otherwise
   * join every kind of dispatch under a matching name: `registry.on('notes.*', audit, { kinds:
   * ['notify'] })` never runs inside a `notes.before_save` filter chain.
   */
  readonly kinds?: readonly PointKind[] | undefined;
  /**
   * Treat the handler as asynchronous even when that cannot be seen from the function (a bound or
   * wrapped `async` function): synchronous dispatchers then skip it without calling it.
   */
  readonly async?: boolean | undefined;
}
