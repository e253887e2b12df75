import { Minimatch } from 'minimatch';

/** A compiled wildcard registration: tells whether a concrete event name matches it. */
export interface PatternMatcher {
  /** The pattern as registered (dot-separated). */
  readonly pattern: string;
  /**
   * Whether the concrete event name `name` matches; `segments` (`name.split('.')`) may be passed
   * when the caller already has them.
   */
  matches(name: string, segments?: readonly string[]): boolean;
}

// Dots separate segments; minimatch separates with '/', so a '/' inside a name is swapped for a
// character that cannot appear in a segment pattern, then dots become slashes.
const SLASH_STANDIN = '\u0000';
const MINIMATCH_OPTIONS = Object.freeze({
  dot: true,
  nonegate: true,
  nocomment: true,
  optimizationLevel: 2,
});

const toPath = (name: string): string =>
  (name.includes('/') ? name.replaceAll('/', SLASH_STANDIN) : name).replaceAll('.', '/');

const MAGIC_SEGMENT = /[*?[{\\]|[!+@]\(/;
/** Syntax that can expand across segments or hide a dot: no pre-filter for these patterns. */
const UNSAFE_FOR_PREFILTER = /[{[(\\]/;

/**
 * A cheap necessary condition derived from the pattern's segments: the segment count it needs and
 * its literal segments (counted from the start up to the first `**`, and from the end after the
 * last one). It rejects most non-matching names with a few string compares, so minimatch runs
 * only for plausible candidates (wildcard plans are compiled once per concrete name, but with
 * thousands of patterns that first dispatch would otherwise cost a minimatch run per pattern).
 */
interface Prefilter {
  readonly exactCount: number | undefined;
  readonly minCount: number;
  readonly head: readonly (readonly [number, string])[];
  readonly tail: readonly (readonly [number, string])[];
}

function prefilterOf(pattern: string): Prefilter | undefined {
  if (UNSAFE_FOR_PREFILTER.test(pattern)) return undefined;
  const segments = pattern.split('.');
  const globstar = segments.includes('**');
  const literal = (segment: string): boolean => !MAGIC_SEGMENT.test(segment);
  const head: [number, string][] = [];
  for (let index = 0; index < segments.length && segments[index] !== '**'; index++) {
    const segment = segments[index] ?? '';
    if (literal(segment)) head.push([index, segment]);
  }
  const tail: [number, string][] = [];
  if (globstar) {
    for (
      let index = segments.length - 1, fromEnd = 1;
      index >= 0 && segments[index] !== '**';
      index--, fromEnd++
    ) {
      const segment = segments[index] ?? '';
      if (literal(segment)) tail.push([fromEnd, segment]);
    }
  }
  const fixed = segments.filter((segment) => segment !== '**').length;
  return {
    exactCount: globstar ? undefined : segments.length,
    // A trailing `**` needs at least one segment of its own.
    minCount: fixed + (segments.at(-1) === '**' ? 1 : 0),
    head,
    tail,
  };
}

/**
 * Compiles a dot-separated wildcard pattern with minimatch semantics per segment: `*` within one
 * segment, `**` across any number of segments, `?`, `[…]` and `{a,b}` within segments.
 */
export function compilePattern(pattern: string): PatternMatcher {
  const matcher = new Minimatch(toPath(pattern), MINIMATCH_OPTIONS);
  const prefilter = prefilterOf(pattern);
  return {
    pattern,
    matches: (name: string, segments?: readonly string[]): boolean => {
      if (prefilter !== undefined) {
        const parts = segments ?? name.split('.');
        const count = parts.length;
        if (
          prefilter.exactCount === undefined ? count < prefilter.minCount : count !== prefilter.exactCount
        ) {
          return false;
        }
        for (const [index, literal] of prefilter.head) if (parts[index] !== literal) return false;
        for (const [fromEnd, literal] of prefilter.tail) if (parts[count - fromEnd] !== literal) return false;
      }
      return matcher.match(toPath(name));
    },
  };
}
