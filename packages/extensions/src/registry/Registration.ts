import { HandlerContext } from '../dispatch/HandlerContext.js';
import type { PointKind } from '../points/ExtensionPoint.js';
import { ALL_KINDS, kindBit } from '../handlers/kindMask.js';
import { handlerName } from '../handlers/handlerName.js';
import type { PatternMatcher } from '../wildcard/compilePattern.js';

/**
 * Mutable counters behind `registry.stats()`. `calls` and `errors` count every run; the durations
 * cover only the timed runs (every run under tracing, a sample while only counting: see
 * `STATS_SAMPLE_EVERY`).
 */
export interface MutableStats {
  calls: number;
  errors: number;
  /** Runs whose duration was measured. */
  timedCalls: number;
  /** Total duration of the timed runs, in milliseconds. */
  timedMs: number;
  /** Longest timed run, in milliseconds. */
  maxMs: number;
}

/**
 * The options of a registration that dispatch rarely reads. Registrations made without any of them
 * share {@link DEFAULT_OPTIONS}.
 */
export interface RegistrationOptions {
  /** The `name` option (the function's own name is used when undefined). */
  readonly name: string | undefined;
  /** The handler's own timeout (the registry default applies when undefined). */
  readonly timeout: number | undefined;
  readonly retries: number;
  readonly once: boolean;
  /** The dispatch kinds the handler joins, as a mask (see `kindMask`). */
  readonly kinds: number;
}

const DEFAULT_OPTIONS: RegistrationOptions = Object.freeze({
  name: undefined,
  timeout: undefined,
  retries: 0,
  once: false,
  kinds: ALL_KINDS,
});

/** The shared options object for these values (the default one when none is set). */
export function registrationOptions(
  name: string | undefined,
  timeout: number | undefined,
  retries: number,
  once: boolean,
  kinds: number,
): RegistrationOptions {
  return name === undefined && timeout === undefined && retries === 0 && !once && kinds === ALL_KINDS
    ? DEFAULT_OPTIONS
    : { name, timeout, retries, once, kinds };
}

const DECLARED_ASYNC = 1;
const RETURNS_PROMISE = 2;
const WARNED = 4;
const CONSUMED = 8;
const REMOVED = 16;

/**
 * Everything the registry knows about one `on()` call. Internal.
 *
 * Kept small (one is held per registered handler): the flags share one small integer, the rarely
 * read options live in a shared object, the stats are created by the first traced run and the
 * context by the first dispatch. No private methods either (they would add a brand to every
 * instance). Every field is set in the constructor, in one order, so that all
 * instances share one shape.
 */
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
  readonly options: RegistrationOptions;
  #flags: number;
  #stats: MutableStats | undefined;
  /** The reusable context of an exact-name registration (kept across plan recompilations). */
  #context: HandlerContext | undefined;

  constructor(init: {
    seq: number;
    pattern: string;
    matcher: PatternMatcher | undefined;
    handler: (...args: never[]) => unknown;
    priority: number;
    plugin: string | undefined;
    options: RegistrationOptions;
    declaredAsync: boolean;
  }) {
    this.seq = init.seq;
    this.pattern = init.pattern;
    this.matcher = init.matcher;
    this.handler = init.handler;
    this.priority = init.priority;
    this.plugin = init.plugin;
    this.options = init.options;
    this.#flags = init.declaredAsync ? DECLARED_ASYNC : 0;
    this.#stats = undefined;
    this.#context = undefined;
  }

  /** The handler's name in logs and stats: the `name` option, else the function's own name. */
  get name(): string {
    return handlerName(this.handler, this.options.name);
  }

  /** The handler's own timeout (the registry default applies when undefined). */
  get timeout(): number | undefined {
    return this.options.timeout;
  }

  get retries(): number {
    return this.options.retries;
  }

  get once(): boolean {
    return this.options.once;
  }

  /** Whether the handler joins dispatches of `kind` (the `kinds` option). */
  joins(kind: PointKind): boolean {
    return (this.options.kinds & kindBit(kind)) !== 0;
  }

  /** Declared `async` (seen at registration): synchronous dispatchers skip it. */
  get declaredAsync(): boolean {
    return (this.#flags & DECLARED_ASYNC) !== 0;
  }

  /** Seen returning a promise: synchronous dispatchers skip it from then on. */
  get returnsPromise(): boolean {
    return (this.#flags & RETURNS_PROMISE) !== 0;
  }

  set returnsPromise(on: boolean) {
    this.#flags = on ? this.#flags | RETURNS_PROMISE : this.#flags & ~RETURNS_PROMISE;
  }

  /** A warning about being skipped by a synchronous dispatcher was logged. */
  get warned(): boolean {
    return (this.#flags & WARNED) !== 0;
  }

  set warned(on: boolean) {
    this.#flags = on ? this.#flags | WARNED : this.#flags & ~WARNED;
  }

  /** A `once` handler that has started its run. */
  get consumed(): boolean {
    return (this.#flags & CONSUMED) !== 0;
  }

  set consumed(on: boolean) {
    this.#flags = on ? this.#flags | CONSUMED : this.#flags & ~CONSUMED;
  }

  /** Removed from the registry (it may still run in dispatches that started before). */
  get removed(): boolean {
    return (this.#flags & REMOVED) !== 0;
  }

  set removed(on: boolean) {
    this.#flags = on ? this.#flags | REMOVED : this.#flags & ~REMOVED;
  }

  /** The tracing counters (created by the first traced run). */
  get stats(): MutableStats {
    return (this.#stats ??= { calls: 0, errors: 0, timedCalls: 0, timedMs: 0, maxMs: 0 });
  }

  /** The counters if any run was traced, else `undefined` (reads that must not allocate). */
  get statsIfAny(): Readonly<MutableStats> | undefined {
    return this.#stats;
  }

  /** The context the fast path reuses for this handler on `event`. */
  contextFor(event: string, kind: PointKind): HandlerContext {
    if (this.matcher !== undefined) return new HandlerContext(event, this.plugin, kind);
    const context = (this.#context ??= new HandlerContext(event, this.plugin, kind));
    // A plain name dispatched as two kinds: the other kind gets a context of its own per plan.
    return context.kind === kind ? context : new HandlerContext(event, this.plugin, kind);
  }
}
