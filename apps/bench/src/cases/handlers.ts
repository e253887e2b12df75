/* eslint-disable @typescript-eslint/require-await -- async functions that resolve at once are the async workload */

/**
 * The work every dispatch contender does, identical across libraries: each handler folds its own
 * constant into the value (order-sensitive, so a skipped, repeated or reordered handler changes the
 * output the equivalence gate compares).
 */
export type HandlerKind = 'sync' | 'async' | 'mixed';

export type FilterFn = (value: number) => number | Promise<number>;
export type NotifyFn = (payload: number) => void | Promise<void>;

/** A mutable holder: the idiom of peers without a waterfall (handlers rewrite `value`). */
export interface Holder {
  value: number;
}
export type HolderFn = (holder: Holder) => void | Promise<void>;

/** State the notify handlers fold the payload into; a dispatch's output is `acc` afterwards. */
export interface NotifyState {
  acc: number;
}

/**
 * A few integer operations that do not fold across handlers (a multiply-add chain would: the
 * optimiser turns ten inlined handlers of `v * 31 + k` into one multiply and one add). Results stay
 * below 2^30, V8's small-integer range, so no contender pays for boxing numbers where real payloads
 * (objects) would be plain pointers.
 */
export function step(value: number, k: number): number {
  return (Math.imul(value ^ (value >>> 15), 0x2c1b3c6d) + k) & 0x3fffffff;
}

/** Handler `index` is async for kind `async`, and every second one (odd index) for `mixed`. */
export function isAsyncAt(kind: HandlerKind, index: number): boolean {
  return kind === 'async' || (kind === 'mixed' && index % 2 === 1);
}

export function asyncFlags(kind: HandlerKind, count: number): boolean[] {
  return Array.from({ length: count }, (_, index) => isAsyncAt(kind, index));
}

export function filterHandlers(kind: HandlerKind, count: number): FilterFn[] {
  return asyncFlags(kind, count).map((isAsync, index) => {
    const k = index + 1;
    return isAsync ? async (value: number) => step(value, k) : (value: number) => step(value, k);
  });
}

export function holderHandlers(kind: HandlerKind, count: number): HolderFn[] {
  return asyncFlags(kind, count).map((isAsync, index) => {
    const k = index + 1;
    return isAsync
      ? async (holder: Holder) => {
          holder.value = step(holder.value, k);
        }
      : (holder: Holder) => {
          holder.value = step(holder.value, k);
        };
  });
}

export function notifyHandlers(kind: HandlerKind, count: number, state: NotifyState): NotifyFn[] {
  return asyncFlags(kind, count).map((isAsync, index) => {
    const k = index + 1;
    return isAsync
      ? async (payload: number) => {
          state.acc = step((state.acc + payload) | 0, k);
        }
      : (payload: number) => {
          state.acc = step((state.acc + payload) | 0, k);
        };
  });
}

/** What a filter chain of `count` handlers returns for `input`, computed directly. */
export function expectedFilter(input: number, count: number): number {
  let value = input;
  for (let k = 1; k <= count; k++) value = step(value, k);
  return value;
}

export function expectedNotify(payload: number, count: number): number {
  let acc = 0;
  for (let k = 1; k <= count; k++) acc = step((acc + payload) | 0, k);
  return acc;
}

/** Emittery passes `{ name, data }` to listeners: the same work, unwrapped from its event object. */
export function emitteryHolderHandlers(
  kind: HandlerKind,
  count: number,
): ((event: { data: Holder }) => void | Promise<void>)[] {
  return asyncFlags(kind, count).map((isAsync, index) => {
    const k = index + 1;
    return isAsync
      ? async ({ data }: { data: Holder }) => {
          data.value = step(data.value, k);
        }
      : ({ data }: { data: Holder }) => {
          data.value = step(data.value, k);
        };
  });
}

export function emitteryNotifyHandlers(
  kind: HandlerKind,
  count: number,
  state: NotifyState,
): ((event: { data: number }) => void | Promise<void>)[] {
  return asyncFlags(kind, count).map((isAsync, index) => {
    const k = index + 1;
    return isAsync
      ? async ({ data }: { data: number }) => {
          state.acc = step((state.acc + data) | 0, k);
        }
      : ({ data }: { data: number }) => {
          state.acc = step((state.acc + data) | 0, k);
        };
  });
}

/** The same handler, typed as what it is known to be in its set (sync or async), for typed peer APIs. */
export function asSyncFn<TArg, TResult>(
  fn: (arg: TArg) => TResult | Promise<TResult>,
): (arg: TArg) => TResult {
  return fn as (arg: TArg) => TResult;
}

export function asAsyncFn<TArg, TResult>(
  fn: (arg: TArg) => TResult | Promise<TResult>,
): (arg: TArg) => Promise<TResult> {
  return fn as (arg: TArg) => Promise<TResult>;
}
