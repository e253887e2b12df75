const MAX_DEPTH = 100;

/**
 * Why `data` would not survive a JSON round trip, or `undefined` when it would: the payload must be
 * made of plain objects, arrays, strings, finite numbers, booleans and `null` (object properties
 * whose value is `undefined` are dropped, as `JSON.stringify` does). The answer names the path of
 * the first offending value, e.g. `data.user.createdAt is a Date`.
 */
export function describeDataProblem(data: unknown): string | undefined {
  return walk(data, 'data', new Set(), 0);
}

function walk(value: unknown, path: string, seen: Set<object>, depth: number): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : `${path} is ${String(value)}, which JSON cannot hold`;
    case 'undefined':
      return depth === 0 ? undefined : `${path} is undefined inside an array`;
    case 'bigint':
      return `${path} is a bigint; send it as a string`;
    case 'symbol':
      return `${path} is a symbol`;
    case 'function':
      return `${path} is a function`;
    case 'object':
      break;
  }
  if (value === null) return undefined;
  if (depth >= MAX_DEPTH) return `${path} is nested more than ${MAX_DEPTH} levels deep`;
  const object = value;
  if (seen.has(object)) return `${path} refers back to itself (a cycle)`;
  seen.add(object);
  try {
    if (Array.isArray(object)) {
      for (let index = 0; index < object.length; index++) {
        const problem = walk(object[index] as unknown, `${path}[${index}]`, seen, depth + 1);
        if (problem !== undefined) return problem;
      }
      return undefined;
    }
    const proto = Object.getPrototypeOf(object) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      const kind = describeKind(object);
      return `${path} is ${kind}, not a plain object${kind === 'a Date' ? '; send date.toISOString()' : ''}`;
    }
    for (const key of Object.keys(object)) {
      const child = (object as Record<string, unknown>)[key];
      if (child === undefined) continue;
      const problem = walk(child, `${path}.${key}`, seen, depth + 1);
      if (problem !== undefined) return problem;
    }
    return undefined;
  } finally {
    seen.delete(object);
  }
}

function describeKind(object: object): string {
  try {
    const name = (object.constructor as { name?: unknown } | undefined)?.name;
    return typeof name === 'string' && name.length > 0 ? `a ${name}` : 'an object with a prototype';
  } catch {
    return 'an exotic object';
  }
}
