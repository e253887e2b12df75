import { ValidationError } from '@trellis/extensions';

/** Marks a host function handed to the isolated side (its reference in the table). */
export const REMOTE_FUNCTION = '@@trellis.fn';
/** Marks a callback of the isolated side handed to the host (its id there). */
export const REMOTE_CALLBACK = '@@trellis.cb';

/** A token as the isolated side reports it (a registered symbol or a string), or why it cannot cross. */
export interface RemoteTokenInfo {
  readonly symbol?: string;
  readonly string?: string;
  readonly unsupported?: string;
  readonly optional: boolean;
}

/** What the isolated side binds for one injected token. */
export interface RemoteBinding {
  readonly token: { readonly symbol?: string; readonly string?: string };
  readonly ref: number;
  readonly kind: 'function' | 'object';
  readonly methods: readonly string[];
  readonly label: string;
}

/** A call from the isolated side: `method` of object `ref`, or function `ref` itself. */
export interface RemoteCall {
  readonly ref: number;
  readonly method?: string;
  readonly args: readonly unknown[];
}

type AnyFunction = (...args: unknown[]) => unknown;

/**
 * The host's function for a callback of the isolated side, held weakly: once the host's services
 * drop it, the isolated side is told to release the callback.
 */
interface CallbackProxy {
  readonly id: number;
  /** How many times the isolated side sent it while this proxy lived. */
  received: number;
  readonly fn: WeakRef<AnyFunction>;
}

/** Core tokens the isolated side builds itself. */
const CHILD_BUILT = new Set(['trellis.logger', 'trellis.config']);
/** Core tokens that cannot be handed to an isolated plugin. */
const HOST_ONLY = new Set(['trellis.context', 'trellis.manager', 'trellis.extensions']);
const MAX_DEPTH = 8;

/** A plain object of any realm (a structured clone is made in the receiving realm's main context). */
const isPlain = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
};

/** The names of the methods of an object (own and inherited, below `Object.prototype`). */
function methodsOf(value: object): string[] {
  const names = new Set<string>();
  for (
    let current: object | null = value;
    current !== null && (current === value || Object.getPrototypeOf(current) !== null);
    current = Object.getPrototypeOf(current) as object | null
  ) {
    for (const key of Object.getOwnPropertyNames(current)) {
      if (key === 'constructor' || names.has(key)) continue;
      const descriptor = Object.getOwnPropertyDescriptor(current, key);
      if (descriptor !== undefined && 'value' in descriptor && typeof descriptor.value === 'function')
        names.add(key);
    }
  }
  return [...names];
}

/**
 * The host's side of the values an isolated plugin injects: it resolves each reported token with
 * the stand-in's context, refuses what cannot cross (naming the plugin and the token), keeps a table
 * of the functions and objects of methods it exposes, runs the calls of the isolated side on them
 * (a callback argument becomes a host function calling back into the isolated side) and hands
 * returned functions over as references. Internal.
 */
export class RemoteValues {
  readonly #plugin: string;
  readonly #callBack: (id: number, args: readonly unknown[]) => Promise<unknown>;
  readonly #table = new Map<number, { readonly target: unknown; readonly label: string }>();
  /** Refs of the functions handed over as results (the isolated side releases them). */
  readonly #returned = new Set<number>();
  readonly #callbacks = new Map<number, CallbackProxy>();
  readonly #collected: FinalizationRegistry<CallbackProxy>;
  #next = 1;

  /**
   * `callBack` calls callback `id` of the isolated side; `release` tells it that the host received
   * callback `id` `count` times and holds none of them any more.
   */
  constructor(
    plugin: string,
    callBack: (id: number, args: readonly unknown[]) => Promise<unknown>,
    release: (id: number, count: number) => void,
  ) {
    this.#plugin = plugin;
    this.#callBack = callBack;
    this.#collected = new FinalizationRegistry((proxy) => {
      if (this.#callbacks.get(proxy.id) === proxy) this.#callbacks.delete(proxy.id);
      release(proxy.id, proxy.received);
    });
  }

  /** The isolated side no longer holds function `ref` that a call returned: the host drops it. */
  release(ref: number): void {
    if (this.#returned.delete(ref)) this.#table.delete(ref);
  }

  /**
   * Resolves the injected tokens with `get` and returns what the isolated side binds. Throws a
   * `ValidationError` naming the plugin and the token for one that cannot cross.
   */
  bind(tokens: readonly RemoteTokenInfo[], get: (token: string | symbol) => unknown): RemoteBinding[] {
    const bindings: RemoteBinding[] = [];
    for (const info of tokens) {
      const key = info.symbol ?? info.string;
      const label = info.symbol !== undefined ? `Symbol(${info.symbol})` : `'${String(info.string)}'`;
      if (info.unsupported !== undefined || key === undefined)
        this.#refuse(
          info.unsupported ?? 'an unknown token',
          'it is neither a string nor a Symbol.for() token',
        );
      if (info.symbol !== undefined && CHILD_BUILT.has(info.symbol)) continue;
      if (info.symbol !== undefined && HOST_ONLY.has(info.symbol))
        this.#refuse(label, 'it gives access to the host itself');
      let value: unknown;
      try {
        value = get(info.symbol !== undefined ? Symbol.for(info.symbol) : key);
      } catch (error) {
        if (info.optional) continue;
        throw new ValidationError(
          `Isolated plugin '${this.#plugin}' injects ${label}, which the host cannot resolve for it (${error instanceof Error ? error.message : String(error)}). Provide it from a plugin listed in its dependencies, or make the injection optional.`,
          { cause: error },
        );
      }
      if (
        value !== null &&
        (typeof value === 'object' || typeof value === 'function') &&
        typeof (value as { then?: unknown }).then === 'function'
      )
        this.#refuse(label, 'its value is a thenable');
      const ref = this.#next++;
      if (typeof value === 'function') {
        this.#table.set(ref, { target: value, label });
        bindings.push({
          token: info.symbol !== undefined ? { symbol: info.symbol } : { string: key },
          ref,
          kind: 'function',
          methods: [],
          label,
        });
        continue;
      }
      const methods = typeof value === 'object' && value !== null ? methodsOf(value) : [];
      if (methods.length === 0)
        this.#refuse(label, 'its value is neither a function nor an object of methods');
      this.#table.set(ref, { target: value, label });
      bindings.push({
        token: info.symbol !== undefined ? { symbol: info.symbol } : { string: key },
        ref,
        kind: 'object',
        methods,
        label,
      });
    }
    return bindings;
  }

  /** Runs one call of the isolated side; its result is encoded for the way back. */
  async call(call: RemoteCall): Promise<unknown> {
    const entry = this.#table.get(call.ref);
    if (entry === undefined)
      throw new Error(`Isolated plugin '${this.#plugin}' called a value the host no longer holds`);
    const args = call.args.map((arg) => this.#decode(arg, 0));
    let result: unknown;
    if (call.method === undefined) result = await (entry.target as AnyFunction)(...args);
    else {
      const method = (entry.target as Record<string, unknown>)[call.method];
      if (typeof method !== 'function')
        throw new Error(`${entry.label}.${call.method} is not a function in the host`);
      result = await (method as AnyFunction).apply(entry.target, args);
    }
    return this.#encode(result, entry.label, 0);
  }

  #refuse(label: string, why: string): never {
    throw new ValidationError(
      `Isolated plugin '${this.#plugin}' injects ${label}, which cannot cross to its worker or process: ${why}. Only tokens whose values are functions or objects of methods (called as async calls) can; run the plugin with isolation 'none' or remove the injection.`,
    );
  }

  #encode(value: unknown, label: string, depth: number): unknown {
    if (typeof value === 'function') {
      const ref = this.#next++;
      this.#table.set(ref, { target: value, label: `a function returned by ${label}` });
      this.#returned.add(ref);
      return { [REMOTE_FUNCTION]: ref };
    }
    if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
    if (Array.isArray(value)) return value.map((item: unknown) => this.#encode(item, label, depth + 1));
    if (!isPlain(value)) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, this.#encode(item, label, depth + 1)]),
    );
  }

  #decode(value: unknown, depth: number): unknown {
    if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
    if (Array.isArray(value)) return value.map((item: unknown) => this.#decode(item, depth + 1));
    if (!isPlain(value)) return value;
    const id = (value as Record<string, unknown>)[REMOTE_CALLBACK];
    if (typeof id === 'number') {
      const known = this.#callbacks.get(id);
      const alive = known?.fn.deref();
      if (known !== undefined && alive !== undefined) {
        known.received += 1;
        return alive;
      }
      const callback = (...args: unknown[]) =>
        this.#callBack(
          id,
          args.map((arg) => this.#encode(arg, 'a callback', 0)),
        );
      const proxy: CallbackProxy = { id, received: 1, fn: new WeakRef(callback) };
      this.#callbacks.set(id, proxy);
      this.#collected.register(callback, proxy);
      return callback;
    }
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, this.#decode(item, depth + 1)]),
    );
  }
}
