import { StorageError } from '../errors/StorageError.js';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'object') return `a ${typeof value}`;
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor
    ?.name;
  return typeof name === 'string' && name !== '' ? `a ${name}` : 'an object with an unusual prototype';
}

/** Why `value` is not plain JSON, as `[path, what]`, or undefined when it is. */
function findProblem(value: unknown, path: string, seen: Set<object>): [string, string] | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : [path, describe(value)];
    case 'object': {
      if (value === null) return undefined;
      if (seen.has(value)) return [path, 'a circular reference'];
      const proto: unknown = Object.getPrototypeOf(value);
      if (Array.isArray(value)) {
        seen.add(value);
        for (let i = 0; i < value.length; i++) {
          const problem = findProblem(value[i], `${path}[${String(i)}]`, seen);
          if (problem !== undefined) return problem;
        }
        seen.delete(value);
        return undefined;
      }
      if (proto !== Object.prototype && proto !== null) return [path, describe(value)];
      seen.add(value);
      for (const key of Object.keys(value)) {
        const problem = findProblem((value as Record<string, unknown>)[key], `${path}.${key}`, seen);
        if (problem !== undefined) return problem;
      }
      if (Object.getOwnPropertySymbols(value).length > 0) return [path, 'an object with symbol keys'];
      seen.delete(value);
      return undefined;
    }
    default:
      return [path, describe(value)];
  }
}

/**
 * The JSON text of a value a plugin stores, refusing anything that would not read back equal
 * (functions, `undefined`, symbols, bigints, non-finite numbers, class instances such as `Date` or
 * `Map`, cycles). Internal.
 */
export function toJsonText(value: unknown, plugin: string, key: string): string {
  const problem = findProblem(value, '$', new Set());
  if (problem !== undefined) {
    const [path, what] = problem;
    throw new StorageError(
      `plugin "${plugin}" tried to store ${what} at ${path} of key ${JSON.stringify(key)}; storage keeps JSON values only (objects, arrays, strings, finite numbers, booleans, null): convert it first, e.g. a Date with toISOString()`,
      { code: 'TRELLIS_STORAGE_VALUE', plugin },
    );
  }
  return JSON.stringify(value);
}
