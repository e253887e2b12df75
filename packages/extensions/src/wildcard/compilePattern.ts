import { Minimatch } from 'minimatch';

/** A compiled wildcard registration: tells whether a concrete event name matches it. */
export interface PatternMatcher {
  /** The pattern as registered (dot-separated). */
  readonly pattern: string;
  /**
   * The first segment when it is literal (used to index patterns by first segment), else
   * `undefined`.
   */
  readonly literalHead: string | undefined;
  /** Whether the concrete event name `name` matches. */
  matches(name: string): boolean;
}

// Dots separate segments; minimatch separates with '/', so a '/' inside a name is swapped for a
// character that cannot appear in a segment pattern, then dots become slashes.
const SLASH_STANDIN = '\u0000';
const MINIMATCH_OPTIONS = Object.freeze({
  dot: true,
  nonegate: true,
  nocomment: true,
  noglobstar: false,
  optimizationLevel: 2,
});

const toPath = (name: string): string =>
  (name.includes('/') ? name.replaceAll('/', SLASH_STANDIN) : name).replaceAll('.', '/');

const MAGIC_SEGMENT = /[*?[{]|[!+@]\(/;

/**
 * Compiles a dot-separated wildcard pattern with minimatch semantics per segment: `*` within one
 * segment, `**` across any number of segments, `?`, `[…]` and `{a,b}` within segments.
 */
export function compilePattern(pattern: string): PatternMatcher {
  const matcher = new Minimatch(toPath(pattern), MINIMATCH_OPTIONS);
  const head = pattern.split('.', 1)[0] ?? '';
  return {
    pattern,
    literalHead: MAGIC_SEGMENT.test(head) || head.includes('\\') ? undefined : head,
    matches: (name: string): boolean => matcher.match(toPath(name)),
  };
}
