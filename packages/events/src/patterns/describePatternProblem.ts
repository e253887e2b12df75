const SEGMENT = /^[A-Za-z0-9_:\-*?{},[\]!]+$/;

/**
 * Why `pattern` is not a valid subscription pattern, or `undefined` when it is. Patterns follow the
 * wildcard rules of extension points: dot-separated segments, `*` within one segment, `**` as a
 * whole segment for any number of segments, `?`, `[…]` and `{a,b}` within a segment.
 */
export function describePatternProblem(pattern: unknown): string | undefined {
  if (typeof pattern !== 'string') return `the pattern must be a string, got ${typeof pattern}`;
  if (pattern.length === 0) return 'the pattern is empty';
  if (pattern.length > 256) return 'the pattern is longer than 256 characters';
  const segments = pattern.split('.');
  for (const segment of segments) {
    if (segment.length === 0) return 'a segment is empty (leading, trailing or doubled dot)';
    if (!SEGMENT.test(segment)) {
      return `segment '${segment}' has a character other than letters, digits, '_', '-', ':' and wildcards`;
    }
    if (segment.includes('**') && segment !== '**') return `'**' must be a whole segment, not '${segment}'`;
    if (!balanced(segment, '{', '}') || !balanced(segment, '[', ']')) {
      return `segment '${segment}' has unbalanced brackets or braces`;
    }
  }
  return undefined;
}

function balanced(segment: string, open: string, close: string): boolean {
  let depth = 0;
  for (const char of segment) {
    if (char === open) depth++;
    else if (char === close && --depth < 0) return false;
  }
  return depth === 0;
}
