import { HandlerContext } from '../dispatch/HandlerContext.js';
import type { PointKind } from '../points/ExtensionPoint.js';
import type { PatternMatcher } from '../wildcard/compilePattern.js';

/** Mutable counters behind `registry.stats()`. */
export interface MutableStats {
  calls: number;
  errors: number;
  totalMs: number;
  maxMs: number;
}

/** Everything the registry knows about one `on()` call. Internal. */
export class Registration {
  /** Registration order, unique per registry. */
  readonly seq: number;
  /** The name or pattern given to `on()`. */
  readonly pattern: string;
  /** Set for wildcard registrations. */
  readonly matcher: PatternMatcher | undefined;
  readonly handler: (...args: never[]) => unknown;
  readonly priority: number;
  readonly plugin: string | undefined;
  readonly name: string;
  /** The handler's own timeout (the registry default applies when undefined). */
  readonly timeout: number | undefined;
  readonly retries: number;
  readonly once: boolean;
  /** Declared `async` (seen at registration): synchronous dispatchers skip it. */
  readonly declaredAsync: boolean;
  /** The kind of the typed point it was registered with, if any. */
  readonly kind: PointKind | undefined;
  /** Seen returning a promise: synchronous dispatchers skip it from then on. */
  returnsPromise = false;
  /** A warning about being skipped by a synchronous dispatcher was logged. */
  warned = false;
  /** A `once` handler that has started its run. */
  consumed = false;
  /** Removed from the registry (it may still run in dispatches that started before). */
  removed = false;
  readonly stats: MutableStats = { calls: 0, errors: 0, totalMs: 0, maxMs: 0 };
  /** The reusable context of an exact-name registration (kept across plan recompilations). */
  #context: HandlerContext | undefined = undefined;

  constructor(init: {
    seq: number;
    pattern: string;
    matcher: PatternMatcher | undefined;
    handler: (...args: never[]) => unknown;
    priority: number;
    plugin: string | undefined;
    name: string;
    timeout: number | undefined;
    retries: number;
    once: boolean;
    declaredAsync: boolean;
    kind: PointKind | undefined;
  }) {
    this.seq = init.seq;
    this.pattern = init.pattern;
    this.matcher = init.matcher;
    this.handler = init.handler;
    this.priority = init.priority;
    this.plugin = init.plugin;
    this.name = init.name;
    this.timeout = init.timeout;
    this.retries = init.retries;
    this.once = init.once;
    this.declaredAsync = init.declaredAsync;
    this.kind = init.kind;
  }

  /** The context the fast path reuses for this handler on `event`. */
  contextFor(event: string): HandlerContext {
    if (this.matcher !== undefined) return new HandlerContext(event, this.plugin);
    return (this.#context ??= new HandlerContext(event, this.plugin));
  }
}
