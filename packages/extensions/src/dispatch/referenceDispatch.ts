import { HookAggregateError } from '../errors/HookAggregateError.js';
import { HookError } from '../errors/HookError.js';
import { StopPropagation } from '../errors/StopPropagation.js';
import type { ErrorStrategy } from '../registry/ErrorStrategy.js';

/** A handler as the reference interpreter sees it. */
export interface ReferenceHandler {
  readonly fn: (value: unknown, ctx: ReferenceContext) => unknown;
  readonly priority: number;
  readonly plugin: string | undefined;
  /** Declared `async`: skipped by synchronous dispatch. */
  readonly declaredAsync: boolean;
  readonly retries: number;
  readonly once: boolean;
}

/** The context the reference interpreter hands to handlers. */
export interface ReferenceContext {
  readonly event: string;
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
}

/** One reference dispatch. */
export interface ReferenceDispatch {
  readonly event: string;
  readonly kind: 'filter' | 'notify' | 'collect';
  readonly mode: 'sync' | 'async';
  readonly strategy: ErrorStrategy;
  /** In registration order. */
  readonly handlers: readonly ReferenceHandler[];
  readonly input: unknown;
  readonly state: ReferenceState;
  /** Also receives each failure reported under `log-and-continue` as it happens (nested dispatches interleave). */
  readonly report?: (error: HookError) => void;
}

/** What a reference dispatch produced. */
export interface ReferenceOutcome {
  /** The dispatch result (filter value, collected list, or undefined for notify). */
  readonly value: unknown;
  /** The error the dispatch throws, if any. */
  readonly error: HookError | HookAggregateError | undefined;
  /** Failures reported under `log-and-continue`, in order. */
  readonly reported: readonly HookError[];
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

/**
 * The obviously-correct interpreter of DESIGN section 4 for filter, notify and collect, used by
 * property tests to check the compiled dispatch. It sorts on every call, allocates freely and
 * awaits every result in async mode: clarity over speed. Timeouts and tracing are left out.
 */
export async function referenceDispatch(dispatch: ReferenceDispatch): Promise<ReferenceOutcome> {
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

/** The interpreter; it yields what it awaits (only in async mode). */
function* interpret(dispatch: ReferenceDispatch): Generator<unknown, ReferenceOutcome, unknown> {
  const { event, kind, mode, strategy, state } = dispatch;
  // Array.prototype.sort is stable: equal priorities keep registration order.
  const ordered = [...dispatch.handlers].sort((a, b) => b.priority - a.priority);
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
  const apply = (item: unknown): void => {
    if (item === undefined) return;
    if (kind === 'filter') value = item;
    if (kind === 'collect') collected.push(item);
  };

  for (const handler of ordered) {
    if (skipped.has(handler)) continue;
    if (handler.once) {
      if (state.consumed.has(handler)) continue;
      state.consumed.add(handler);
    }
    let failure: unknown = undefined;
    let failed = false;
    let stopped = false;
    let item: unknown = undefined;
    for (let attempt = 0; attempt <= handler.retries; attempt++) {
      const stop = { called: false, value: undefined as unknown };
      const ctx: ReferenceContext = {
        event,
        plugin: handler.plugin,
        signal: new AbortController().signal,
        stop(given?: unknown) {
          stop.called = true;
          stop.value = given;
        },
      };
      try {
        let returned = handler.fn(value, ctx);
        if (isThenable(returned)) {
          state.returnedPromise.add(handler);
          if (mode === 'async') {
            returned = yield returned;
          } else {
            returned.then(undefined, () => undefined);
            returned = undefined;
          }
        }
        failed = false;
        stopped = stop.called;
        item = stop.called && stop.value !== undefined ? stop.value : returned;
        break;
      } catch (error) {
        if (error instanceof StopPropagation) {
          failed = false;
          stopped = true;
          item = error.value;
          break;
        }
        failed = true;
        failure = error;
      }
    }
    if (failed) {
      const hookError = new HookError({ event, plugin: handler.plugin, cause: failure });
      if (strategy === 'fail-fast') return { value: undefined, error: hookError, reported };
      if (strategy === 'collect-all') errors.push(hookError);
      else {
        reported.push(hookError);
        dispatch.report?.(hookError);
      }
      continue;
    }
    apply(item);
    if (stopped) break;
  }
  if (errors.length > 0) {
    return { value: undefined, error: new HookAggregateError({ event, errors, value: result() }), reported };
  }
  return { value: result(), error: undefined, reported };
}
