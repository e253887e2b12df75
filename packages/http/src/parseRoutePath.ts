import { splitPath } from './RouteTable.js';

const LITERAL = /^[A-Za-z0-9._~!$&'()+,;=@%-]+$/;
const PARAM = /^:[A-Za-z_][A-Za-z0-9_]*$/;

const describe = (value: unknown): string => {
  try {
    return typeof value === 'string' ? JSON.stringify(value) : String(value);
  } catch {
    return 'a value that cannot be shown';
  }
};

/**
 * The segments of a route path (`/users/:id`, `/files/*`, `/`), or a string saying what is wrong.
 * Literal segments use URL path characters; `:name` params; `*` only as the last segment.
 */
export function parseRoutePath(path: unknown): string[] | string {
  if (typeof path !== 'string' || !path.startsWith('/')) {
    return `the path ${describe(path)} must be a string starting with '/'`;
  }
  const segments = splitPath(path);
  const seen = new Set<string>();
  for (const [index, segment] of segments.entries()) {
    if (segment === '*') {
      if (index !== segments.length - 1) return `the path '${path}' has '*' before its last segment`;
      continue;
    }
    if (PARAM.test(segment)) {
      if (seen.has(segment)) return `the path '${path}' uses the param '${segment}' twice`;
      seen.add(segment);
      continue;
    }
    if (!LITERAL.test(segment)) {
      return `the path '${path}' has an invalid segment ${describe(segment)} (use URL path characters, ':name' or a final '*')`;
    }
  }
  return segments;
}

/**
 * A normalised prefix (`''` for the root, else `/a/b` without a trailing slash), or a string saying
 * what is wrong with it. Params and wildcards are not allowed in a prefix.
 */
export function parsePrefix(prefix: unknown): string | { readonly problem: string } {
  if (prefix === '' || prefix === '/') return '';
  const segments = parseRoutePath(prefix);
  if (typeof segments === 'string') return { problem: segments.replace('the path', 'the prefix') };
  if (segments.some((segment) => segment === '*' || segment.startsWith(':'))) {
    return { problem: `the prefix '${String(prefix)}' may not contain params or '*'` };
  }
  return `/${segments.join('/')}`;
}
