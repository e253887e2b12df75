import type { ThroughputBench } from '../harness/types.js';

export const GATE_INPUTS: readonly number[] = [0, 1, 2, 3, 7, 42, -5, 1000, 123_456, 2_147_483_647];

export const HOLDER_NOTE =
  'no waterfall (handler return values are discarded): measured with the library idiom, handlers rewrite a shared { value } object; the gate checks the same result';
export const NO_SYNC_EMIT = 'no synchronous emit: emit() always returns a promise';
export const NO_AWAIT = 'no async dispatch: listener promises are not awaited';
export const NO_WILDCARD = 'no wildcard subscriptions';
export const NO_UNTAP = 'no API to remove a tap';
export const NOT_A_HOOK_LIBRARY = 'not a hook library';
export const NO_LIFECYCLE = 'no plugin lifecycle';

export function syncBench(run: (input: number) => number): ThroughputBench {
  return { kind: 'throughput', async: false, run };
}

export function asyncBench(run: (input: number) => Promise<number>): ThroughputBench {
  return { kind: 'throughput', async: true, run };
}

export type DispatchApi = 'sync' | 'async';

/** The surface of node:events and eventemitter3 the cases use (their own types do not unify). */
export interface PlainEmitter<TArg = unknown> {
  on(event: string, listener: (arg: TArg) => unknown): unknown;
  off(event: string, listener: (arg: TArg) => unknown): unknown;
  emit(event: string, arg: TArg): boolean;
}
