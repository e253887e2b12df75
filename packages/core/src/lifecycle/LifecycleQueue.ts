import { LifecycleReentryError } from '../errors/LifecycleReentryError.js';

const ignore = (): undefined => undefined;

/** How an operation may overlap others. */
export type OperationKind = 'constructive' | 'exclusive';

/**
 * Orders the manager's lifecycle operations. Constructive ones (`load`, `loadAll`, `start`) only
 * move plugins forward and may overlap each other (concurrent loads of one plugin share one
 * attempt); every other operation (`stop`, `unload`, `unloadAll`, `reload`, `close`, `unregister`)
 * is exclusive: it starts once everything called before it has settled, and whatever is called
 * after it waits for it. A call identical to one queued or running (same key) shares its result.
 * A call made while plugin code that an operation awaits runs synchronously (a lifecycle method, a
 * lifecycle event listener) is refused at once with `LifecycleReentryError`: it would wait for
 * itself. Internal.
 */
export class LifecycleQueue {
  /** Settles when everything queued so far has settled. */
  #tail: Promise<unknown> = Promise.resolve();
  /** The last queued group when it is constructive: what it waits for, and its members. */
  #group: { gate: Promise<unknown>; members: Promise<unknown>[] } | undefined;
  readonly #pending = new Map<string, Promise<unknown>>();
  /** Operations called but not begun, by name (`"stop()"`). */
  readonly #waiting = new Set<string>();
  /** Plugin code running synchronously, innermost last: pairs of (plugin or event, method or ''). */
  readonly #within: string[] = [];

  /** Operations queued or running. */
  get size(): number {
    return this.#pending.size;
  }

  /** Names of the operations called but not begun, waiting for the running ones. */
  get waiting(): readonly string[] {
    return [...this.#waiting];
  }

  /**
   * Runs `work` in turn (see the class). `key` identifies the operation (`'start'`, `'load:db'`);
   * `operation` names it in errors (`"load('db')"`).
   */
  run<T>(key: string, operation: string, kind: OperationKind, work: () => Promise<T>): Promise<T> {
    const depth = this.#within.length;
    if (depth > 0) {
      const [owner, method] = this.#within.slice(depth - 2);
      const within = method === '' ? `a listener of '${owner}'` : `plugin '${owner}' ${method}()`;
      return Promise.reject(new LifecycleReentryError({ operation, within }));
    }
    const pending = this.#pending.get(key);
    if (pending !== undefined) return pending as Promise<T>;
    let gate: Promise<unknown>;
    if (kind === 'exclusive') {
      this.#group = undefined;
      gate = this.#tail;
    } else {
      this.#group ??= { gate: this.#tail, members: [] };
      gate = this.#group.gate;
    }
    // Forgotten before the caller sees the outcome: a call made right after it runs anew.
    const done = (): void => {
      if (this.#pending.get(key) === result) this.#pending.delete(key);
    };
    this.#waiting.add(operation);
    const begin = (): Promise<T> => {
      this.#waiting.delete(operation);
      return work();
    };
    const result: Promise<T> = gate.then(begin).then(
      (value) => {
        done();
        return value;
      },
      (error: unknown) => {
        done();
        throw error;
      },
    );
    const settled = result.then(ignore, ignore);
    if (kind === 'exclusive') this.#tail = settled;
    else {
      const group = this.#group as { members: Promise<unknown>[] };
      group.members.push(settled);
      this.#tail = Promise.all(group.members);
    }
    this.#pending.set(key, result);
    return result;
  }

  /**
   * Marks plugin code an operation awaits as running (a plugin's `method`, or with `method` `''` a
   * listener of the event `owner`), until {@link LifecycleQueue.leave}: a lifecycle call from it is refused.
   */
  enter(owner: string, method: string): void {
    this.#within.push(owner, method);
  }

  /** Ends what {@link LifecycleQueue.enter} began. */
  leave(): void {
    this.#within.length -= 2;
  }
}
