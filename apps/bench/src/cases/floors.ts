import type { FilterFn, NotifyFn } from './handlers.js';

/*
 * The hand-written floors: the fastest plain code a person writes for a fixed set of handlers, with no
 * registry, no context object and no checks it does not need. Up to UNROLL_LIMIT handlers that is the
 * literal call chain (`v = h0(v); v = h1(v); ...`, awaiting only the handlers known to be async);
 * beyond it, a loop over an array, which V8 runs faster than a 100-call chain (the chain exhausts the
 * inlining budget, the loop's single call site is inlined once for all handlers; measured on Node 20).
 * Chains are generated, so the 16-handler chain is the same code as the 1-handler one.
 */
export const UNROLL_LIMIT = 16;

function compile(handlers: readonly unknown[], source: string): unknown {
  const names = handlers.map((_, index) => `h${index}`);
  // Generated code is the point of a floor that is a literal call chain for any handler count.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const factory = new Function(...names, source) as (...fns: unknown[]) => unknown;
  return factory(...handlers);
}

export function filterChain(handlers: readonly FilterFn[]): (value: number) => number {
  if (handlers.length > UNROLL_LIMIT) {
    const list = handlers as readonly ((value: number) => number)[];
    return (value) => {
      let v = value;
      for (let i = 0; i < list.length; i++) {
        const r = (list[i] as (value: number) => number)(v) as number | undefined;
        if (r !== undefined) v = r;
      }
      return v;
    };
  }
  const lines = handlers.map((_, index) => `r = h${index}(v); if (r !== undefined) v = r;`);
  return compile(handlers, `return function chain(v) { let r; ${lines.join(' ')} return v; };`) as (
    value: number,
  ) => number;
}

export function asyncFilterChain(
  handlers: readonly FilterFn[],
  asyncAt: readonly boolean[],
): (value: number) => Promise<number> {
  if (handlers.length > UNROLL_LIMIT) {
    return async (value) => {
      let v = value;
      for (let i = 0; i < handlers.length; i++) {
        const handler = handlers[i] as FilterFn;
        const r = (asyncAt[i] === true ? await handler(v) : handler(v)) as number | undefined;
        if (r !== undefined) v = r;
      }
      return v;
    };
  }
  const lines = handlers.map(
    (_, index) => `r = ${asyncAt[index] === true ? 'await ' : ''}h${index}(v); if (r !== undefined) v = r;`,
  );
  return compile(handlers, `return async function chain(v) { let r; ${lines.join(' ')} return v; };`) as (
    value: number,
  ) => Promise<number>;
}

export function notifyChain(handlers: readonly NotifyFn[]): (payload: number) => void {
  if (handlers.length > UNROLL_LIMIT) {
    return (payload) => {
      for (let i = 0; i < handlers.length; i++) void (handlers[i] as NotifyFn)(payload);
    };
  }
  const lines = handlers.map((_, index) => `h${index}(p);`);
  return compile(handlers, `return function chain(p) { ${lines.join(' ')} };`) as (payload: number) => void;
}

export function asyncNotifyChain(
  handlers: readonly NotifyFn[],
  asyncAt: readonly boolean[],
): (payload: number) => Promise<void> {
  if (handlers.length > UNROLL_LIMIT) {
    return async (payload) => {
      for (let i = 0; i < handlers.length; i++) {
        const handler = handlers[i] as NotifyFn;
        if (asyncAt[i] === true) await handler(payload);
        else void handler(payload);
      }
    };
  }
  const lines = handlers.map((_, index) => `${asyncAt[index] === true ? 'await ' : ''}h${index}(p);`);
  return compile(handlers, `return async function chain(p) { ${lines.join(' ')} };`) as (
    payload: number,
  ) => Promise<void>;
}
