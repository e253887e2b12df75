import { Minimatch } from 'minimatch';
import type { EventPatternMatcher } from './EventPatternMatcher.js';

const MINIMATCH_OPTIONS = Object.freeze({ dot: true, nonegate: true, nocomment: true });
const MAGIC = /[*?[\]{}!]/;

/**
 * Compiles a subscription pattern (validate it first with `describePatternProblem`) into a matcher
 * with the wildcard rules of extension points: `user.*` matches `user.login` but not
 * `user.profile.update` nor `user`; `user.**` matches both of those. Transports use it to route
 * events; a pattern without wildcards is compared as a string.
 *
 * @example
 * ```ts
 * compileEventPattern('order.*').matches('order.paid'); // true
 * ```
 */
export function compileEventPattern(pattern: string): EventPatternMatcher {
  if (!MAGIC.test(pattern)) return { pattern, matches: (type) => type === pattern };
  // minimatch separates segments with '/', event types with '.'; types never contain '/'.
  const matcher = new Minimatch(pattern.replaceAll('.', '/'), MINIMATCH_OPTIONS);
  return { pattern, matches: (type) => !type.includes('/') && matcher.match(type.replaceAll('.', '/')) };
}
