import type { RouteHandler } from './HttpRoutes.js';

/** One mounted route. */
export interface RouteEntry {
  readonly method: string;
  /** The full path pattern (prefix included). */
  readonly path: string;
  readonly plugin: string;
  readonly handler: RouteHandler;
  /** Literal segments, `:name` params, and a final `*`. */
  readonly segments: readonly string[];
}

/** A route found for a request, with its params. */
export interface RouteMatch {
  readonly entry: RouteEntry;
  readonly params: Record<string, string>;
}

const rank = (segment: string): number => (segment === '*' ? 2 : segment.startsWith(':') ? 1 : 0);

/** Static before param before wildcard, segment by segment. */
const bySpecificity = (a: RouteEntry, b: RouteEntry): number => {
  const length = Math.max(a.segments.length, b.segments.length);
  for (let index = 0; index < length; index++) {
    const difference = rank(a.segments[index] ?? '') - rank(b.segments[index] ?? '');
    if (difference !== 0) return difference;
  }
  return b.segments.length - a.segments.length;
};

/** Splits a path into segments ('/' gives none); one trailing slash is ignored. */
export const splitPath = (path: string): string[] => {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed === '/' || trimmed === '' ? [] : trimmed.slice(1).split('/');
};

/**
 * The routes of every routes plugin: lookup by method and path (static segments before params
 * before a final wildcard), and conflict detection (two routes that would answer the same
 * requests: same method and same shape, whatever the param names).
 */
export class RouteTable {
  /** `METHOD /shape` → the route owning it. */
  readonly #byShape = new Map<string, RouteEntry>();
  /** Method → its routes, most specific first. */
  readonly #byMethod = new Map<string, RouteEntry[]>();

  /** The route already answering what `entry` would answer, if any. */
  conflictOf(entry: RouteEntry): RouteEntry | undefined {
    return this.#byShape.get(RouteTable.#shape(entry));
  }

  add(entry: RouteEntry): void {
    this.#byShape.set(RouteTable.#shape(entry), entry);
    const list = this.#byMethod.get(entry.method) ?? [];
    list.push(entry);
    list.sort(bySpecificity);
    this.#byMethod.set(entry.method, list);
  }

  /** Removes every route of `plugin`. */
  removePlugin(plugin: string): void {
    for (const [shape, entry] of this.#byShape) if (entry.plugin === plugin) this.#byShape.delete(shape);
    for (const [method, list] of this.#byMethod) {
      this.#byMethod.set(
        method,
        list.filter((entry) => entry.plugin !== plugin),
      );
    }
  }

  /** Whether any route is mounted. */
  get size(): number {
    return this.#byShape.size;
  }

  /** The route answering `method path` (HEAD falls back to GET), or undefined. */
  find(method: string, path: string): RouteMatch | undefined {
    const segments = splitPath(path);
    const match = this.#findIn(this.#byMethod.get(method), segments);
    if (match !== undefined || method !== 'HEAD') return match;
    return this.#findIn(this.#byMethod.get('GET'), segments);
  }

  #findIn(list: readonly RouteEntry[] | undefined, segments: readonly string[]): RouteMatch | undefined {
    if (list === undefined) return undefined;
    for (const entry of list) {
      const params = RouteTable.#match(entry.segments, segments);
      if (params !== undefined) return { entry, params };
    }
    return undefined;
  }

  static #match(pattern: readonly string[], segments: readonly string[]): Record<string, string> | undefined {
    const params: Record<string, string> = {};
    for (let index = 0; index < pattern.length; index++) {
      const expected = pattern[index] as string;
      if (expected === '*') {
        params['*'] = segments.slice(index).join('/');
        return params;
      }
      const actual = segments[index];
      if (actual === undefined) return undefined;
      if (expected.startsWith(':')) {
        if (actual === '') return undefined;
        Object.defineProperty(params, expected.slice(1), {
          value: actual,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else if (expected !== actual) return undefined;
    }
    return pattern.length === segments.length ? params : undefined;
  }

  static #shape(entry: RouteEntry): string {
    return `${entry.method} /${entry.segments.map((segment) => (segment.startsWith(':') ? ':' : segment)).join('/')}`;
  }
}
