import {
  HookAggregateError,
  HookError,
  HookTimeoutError,
  StopPropagation,
  ValidationError,
  type ErrorStrategy,
  type PointKind,
} from '@trellis/extensions';

/** A handler as the reference interpreter sees it, with everything its registration said. */
export interface ReferenceHandler {
  readonly fn: (...args: never[]) => unknown;
  /** The name or wildcard pattern it was registered with. */
  readonly pattern: string;
  readonly priority: number;
  readonly plugin: string | undefined;
  /** Declared `async`: skipped by synchronous dispatch. */
  readonly declaredAsync: boolean;
  readonly retries: number;
  readonly once: boolean;
  /** Time limit in ms of an awaited result (asynchronous dispatch), if any. */
  readonly timeout: number | undefined;
  /** The dispatch kinds it joins (all when undefined). */
  readonly kinds: readonly PointKind[] | undefined;
}

/** The context the reference interpreter hands to handlers. */
export interface ReferenceContext {
  readonly event: string;
  readonly kind: PointKind;
  readonly plugin: string | undefined;
  readonly signal: AbortSignal;
  stop(value?: unknown): void;
}

/** State kept across dispatches of one reference "registry". */
export interface ReferenceState {
  /** Handlers seen returning a promise (skipped by later synchronous dispatches). */
  readonly returnedPromise: Set<ReferenceHandler>;
  /** `once` handlers that ran. */
  readonly consumed: Set<ReferenceHandler>;
  /** Owners whose handlers are disabled. */
  readonly disabled: ReadonlySet<string>;
}

/** One reference dispatch. */
export interface ReferenceDispatch {
  readonly event: string;
  readonly kind: PointKind;
  /** `parallel`: `notifyAsync(…, { parallel: true })`; middleware is always `async`. */
  readonly mode: 'sync' | 'async' | 'parallel';
  readonly strategy: ErrorStrategy;
  /** In registration order. */
  readonly handlers: readonly ReferenceHandler[];
  readonly input: unknown;
  readonly state: ReferenceState;
  /** The terminal of a middleware dispatch. */
  readonly terminal?: (ctx: unknown) => unknown;
  /** Also receives each failure reported under `log-and-continue` as it happens (nested dispatches interleave). */
  readonly report?: (error: HookError) => void;
}

/** What a reference dispatch produced. */
export interface ReferenceOutcome {
  /** The dispatch result (filter value, collected list, middleware result, or undefined for notify). */
  readonly value: unknown;
  /** The error the dispatch throws, if any. */
  readonly error: unknown;
  /** Failures reported under `log-and-continue`, in order. */
  readonly reported: readonly HookError[];
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  (typeof value === 'object' || typeof value === 'function') &&
  value !== null &&
  typeof (value as { then?: unknown }).then === 'function';

/** Wildcard matching as DESIGN section 4 states it: `*` within one segment, `**` any segments. */
export function matchesPattern(pattern: string, event: string): boolean {
  const source = pattern
    .split('.')
    .map((segment) =>
      segment === '**'
        ? '[^]+'
        : segment
            .split('*')
            .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
            .join('[^.]*'),
    )
    .join('\\.');
  return new RegExp(`^${source}$`).test(event);
}

/** The handlers a dispatch considers, in order: matching, enabled, joining the kind, by priority. */
function handlersOf(dispatch: ReferenceDispatch): ReferenceHandler[] {
  return (
    dispatch.handlers
      .filter(
        (handler) =>
          matchesPattern(handler.pattern, dispatch.event) &&
          (handler.plugin === undefined || !dispatch.state.disabled.has(handler.plugin)) &&
          (handler.kinds === undefined || handler.kinds.includes(dispatch.kind)),
      )
      // Array.prototype.sort is stable: equal priorities keep registration order.
      .sort((a, b) => b.priority - a.priority)
  );
}

const TIMED_OUT = Symbol('timed out');

/** Settles like `pending`, or with {@link TIMED_OUT} after `ms`. */
function race(
  pending: PromiseLike<unknown>,
  ms: number | undefined,
  signal: AbortController,
): Promise<unknown> {
  if (ms === undefined) return Promise.resolve(pending);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.abort();
      resolve(TIMED_OUT);
    }, ms);
    Promise.resolve(pending).then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passes the rejection on unchanged
        reject(error);
      },
    );
  });
}

const makeContext = (
  event: string,
  kind: PointKind,
  handler: ReferenceHandler,
  controller: AbortController,
): { ctx: ReferenceContext; stop: { called: boolean; value: unknown } } => {
  const stop = { called: false, value: undefined as unknown };
  return {
    stop,
    ctx: {
      event,
      kind,
      plugin: handler.plugin,
      signal: controller.signal,
      stop(given?: unknown) {
        stop.called = true;
        stop.value = given;
      },
    },
  };
};

/** One run of a handler with retries and timeouts: ok (with result and stop) or failed. */
type Run = { ok: true; item: unknown; stopped: boolean } | { ok: false; error: HookError };

/**
 * The obviously-correct interpreter of DESIGN section 4, used by property tests to check the
 * compiled dispatch: filter, notify (in series or in parallel), collect and middleware, with
 * priorities, wildcards, kinds, disabled owners, `once`, retries, timeouts, stops and the three
 * error strategies. It sorts and matches on every call, allocates freely and awaits every result in
 * async mode: clarity over speed.
 */
export async function referenceDispatch(dispatch: ReferenceDispatch): Promise<ReferenceOutcome> {
  if (dispatch.kind === 'middleware') return referenceMiddleware(dispatch);
  if (dispatch.mode === 'parallel') return referenceParallel(dispatch);
  const run = interpret(dispatch);
  let step = run.next();
  while (step.done !== true) {
    try {
      step = run.next(await step.value);
    } catch (error) {
      step = run.throw(error);
    }
  }
  return step.value;
}

/**
 * {@link referenceDispatch} for `mode: 'sync'`, returning at once, so that a handler can re-enter
 * its own event synchronously as it would with the registry.
 */
export function referenceDispatchSync(dispatch: ReferenceDispatch): ReferenceOutcome {
  if (dispatch.mode !== 'sync') throw new Error('referenceDispatchSync needs mode: sync');
  const step = interpret(dispatch).next();
  if (step.done !== true) throw new Error('a synchronous reference dispatch awaited');
  return step.value;
}

/** Runs `handler` (attempts, timeouts); yields what it awaits (async mode only). */
function* runHandler(
  dispatch: ReferenceDispatch,
  handler: ReferenceHandler,
  value: unknown,
  awaitResults: boolean,
): Generator<unknown, Run, unknown> {
  const { event, kind, state } = dispatch;
  let failure: HookError | undefined;
  for (let attempt = 0; attempt <= handler.retries; attempt++) {
    const controller = new AbortController();
    const { ctx, stop } = makeContext(event, kind, handler, controller);
    try {
      let returned = (handler.fn as (value: unknown, ctx: ReferenceContext) => unknown)(value, ctx);
      if (isThenable(returned)) {
        state.returnedPromise.add(handler);
        if (awaitResults) {
          returned = yield race(returned, handler.timeout, controller);
          if (returned === TIMED_OUT) {
            failure = new HookTimeoutError({ event, plugin: handler.plugin, timeout: handler.timeout ?? 0 });
            continue;
          }
        } else {
          returned.then(undefined, () => undefined);
          returned = undefined;
        }
      }
      return {
        ok: true,
        stopped: stop.called,
        item: stop.called && stop.value !== undefined ? stop.value : returned,
      };
    } catch (error) {
      if (error instanceof StopPropagation) return { ok: true, stopped: true, item: error.value };
      failure = new HookError({ event, plugin: handler.plugin, cause: error });
    }
  }
  return { ok: false, error: failure as HookError };
}

/** The series interpreter (filter, notify, collect); it yields what it awaits (only in async mode). */
function* interpret(dispatch: ReferenceDispatch): Generator<unknown, ReferenceOutcome, unknown> {
  const { event, kind, mode, strategy, state } = dispatch;
  const ordered = handlersOf(dispatch);
  // Which handlers a sync dispatch skips is fixed when it starts (a nested dispatch may learn more).
  const skipped = new Set(
    mode === 'sync'
      ? ordered.filter((handler) => handler.declaredAsync || state.returnedPromise.has(handler))
      : [],
  );
  let value = dispatch.input;
  const collected: unknown[] = [];
  const errors: HookError[] = [];
  const reported: HookError[] = [];
  const result = (): unknown => (kind === 'filter' ? value : kind === 'collect' ? collected : undefined);

  for (const handler of ordered) {
    if (skipped.has(handler)) continue;
    if (handler.once) {
      if (state.consumed.has(handler)) continue;
      state.consumed.add(handler);
    }
    const run: Run = yield* runHandler(dispatch, handler, value, mode === 'async');
    if (!run.ok) {
      if (strategy === 'fail-fast') return { value: undefined, error: run.error, reported };
      if (strategy === 'collect-all') errors.push(run.error);
      else {
        reported.push(run.error);
        dispatch.report?.(run.error);
      }
      continue;
    }
    if (run.item !== undefined) {
      if (kind === 'filter') value = run.item;
      if (kind === 'collect') collected.push(run.item);
    }
    if (run.stopped) break;
  }
  if (errors.length > 0) {
    return { value: undefined, error: new HookAggregateError({ event, errors, value: result() }), reported };
  }
  return { value: result(), error: undefined, reported };
}

/** Drives a {@link runHandler} generator, awaiting what it yields. */
async function drive(run: Generator<unknown, Run, unknown>): Promise<Run> {
  let step = run.next();
  while (step.done !== true) {
    try {
      step = run.next(await step.value);
    } catch (error) {
      step = run.throw(error);
    }
  }
  return step.value;
}

/** `notifyAsync(…, { parallel: true })`: all start at once; failures handled in handler order after all settled. */
async function referenceParallel(dispatch: ReferenceDispatch): Promise<ReferenceOutcome> {
  const { event, strategy, state } = dispatch;
  const runs = handlersOf(dispatch).map((handler): Promise<Run | undefined> => {
    if (handler.once) {
      if (state.consumed.has(handler)) return Promise.resolve(undefined);
      state.consumed.add(handler);
    }
    return drive(runHandler(dispatch, handler, dispatch.input, true));
  });
  const errors: HookError[] = [];
  const reported: HookError[] = [];
  for (const run of await Promise.all(runs)) {
    if (run === undefined || run.ok) continue;
    errors.push(run.error);
    if (strategy === 'log-and-continue') {
      reported.push(run.error);
      dispatch.report?.(run.error);
    }
  }
  const first = errors[0];
  if (first === undefined || strategy === 'log-and-continue')
    return { value: undefined, error: undefined, reported };
  if (strategy === 'fail-fast') return { value: undefined, error: first, reported };
  return { value: undefined, error: new HookAggregateError({ event, errors, value: undefined }), reported };
}

/** `registry.run()`: the onion, highest priority outermost. */
async function referenceMiddleware(dispatch: ReferenceDispatch): Promise<ReferenceOutcome> {
  const { event, strategy, state } = dispatch;
  const ordered = handlersOf(dispatch);
  const errors: HookError[] = [];
  const reported: HookError[] = [];
  /** Errors from inner layers (or the terminal) cross outer layers unchanged. */
  const inner = new WeakSet<object>();
  const terminal = dispatch.terminal ?? ((ctx: unknown) => ctx);

  const layer = async (index: number, ctx: unknown): Promise<unknown> => {
    const handler = ordered[index];
    if (handler === undefined) return terminal(ctx);
    if (handler.once) {
      if (state.consumed.has(handler)) return layer(index + 1, ctx);
      state.consumed.add(handler);
    }
    let nextRun: Promise<unknown> | undefined;
    const next = (): Promise<unknown> => {
      if (nextRun !== undefined) {
        return Promise.reject(new ValidationError('next() called more than once'));
      }
      nextRun = layer(index + 1, ctx).catch((error: unknown) => {
        if (typeof error === 'object' && error !== null) inner.add(error);
        throw error;
      });
      return nextRun;
    };
    let outcome: Run | undefined;
    for (let attempt = 0; attempt <= handler.retries; attempt++) {
      const controller = new AbortController();
      const { ctx: hookCtx, stop } = makeContext(event, 'middleware', handler, controller);
      try {
        let returned = (handler.fn as (ctx: unknown, next: unknown, hookCtx: unknown) => unknown)(
          ctx,
          next,
          hookCtx,
        );
        if (isThenable(returned)) {
          returned = await race(returned, handler.timeout, controller);
          if (returned === TIMED_OUT) {
            outcome = {
              ok: false,
              error: new HookTimeoutError({ event, plugin: handler.plugin, timeout: handler.timeout ?? 0 }),
            };
            if (nextRun !== undefined) break;
            continue;
          }
        }
        outcome = {
          ok: true,
          stopped: stop.called,
          item: stop.called && stop.value !== undefined ? stop.value : returned,
        };
        break;
      } catch (error) {
        if (error instanceof StopPropagation) {
          outcome = { ok: true, stopped: true, item: error.value };
          break;
        }
        if (typeof error === 'object' && error !== null && inner.has(error)) throw error;
        outcome = { ok: false, error: new HookError({ event, plugin: handler.plugin, cause: error }) };
        // A layer that already ran the inner layers is not repeated.
        if (nextRun !== undefined) break;
      }
    }
    const run = outcome as Run;
    if (run.ok) return run.item;
    if (strategy === 'fail-fast') throw run.error;
    if (strategy === 'collect-all') errors.push(run.error);
    else {
      reported.push(run.error);
      dispatch.report?.(run.error);
    }
    return nextRun ?? layer(index + 1, ctx);
  };

  try {
    const value = await layer(0, dispatch.input);
    if (errors.length > 0)
      return { value: undefined, error: new HookAggregateError({ event, errors, value }), reported };
    return { value, error: undefined, reported };
  } catch (error) {
    return { value: undefined, error, reported };
  }
}
