import { resolve, sep } from 'node:path';

/** Escapes a literal for a regular expression. */
const escape = (text: string): string => text.replace(/[.+^$()|[\]\\]/g, '\\$&');

/** A segment pattern (section 4's wildcards: `*` within a segment, `**` across, `?`, `{a,b}`) as a RegExp. */
function patternToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern.charAt(i);
    if (char === '*' && pattern.charAt(i + 1) === '*') {
      source += '.*';
      i++;
    } else if (char === '*') source += '[^.]*';
    else if (char === '?') source += '[^.]';
    else if (char === '{') {
      const end = pattern.indexOf('}', i);
      if (end === -1) source += '\\{';
      else {
        source += `(?:${pattern
          .slice(i + 1, end)
          .split(',')
          .map((part) => escape(part).replace(/\*/g, '[^.]*'))
          .join('|')})`;
        i = end;
      }
    } else source += escape(char);
  }
  return new RegExp(`^${source}$`);
}

/** Whether `path` is `root` or inside it (both resolved). */
function within(root: string, path: string): boolean {
  const base = resolve(root);
  const target = resolve(path);
  return target === base || target.startsWith(base.endsWith(sep) ? base : base + sep);
}

/**
 * Whether the permission `pattern` (as declared or granted: `events.publish:user.*`, `storage`,
 * `fs.read:/data`, `*`) covers the permission `wanted` (`events.publish:user.login`). The part before
 * the first `:` is the capability and must be equal (`*` covers every permission); a pattern
 * without a target covers every target of its capability; targets match with section 4's wildcards,
 * and `fs.read`/`fs.write` targets as a folder and everything below it.
 */
export function matchPermission(pattern: string, wanted: string): boolean {
  if (pattern === '*' || pattern === wanted) return true;
  const cut = pattern.indexOf(':');
  const want = wanted.indexOf(':');
  const capability = cut === -1 ? pattern : pattern.slice(0, cut);
  const wantedCapability = want === -1 ? wanted : wanted.slice(0, want);
  if (capability !== wantedCapability) return false;
  if (cut === -1) return true;
  if (want === -1) return false;
  const target = pattern.slice(cut + 1);
  const wantedTarget = wanted.slice(want + 1);
  if (capability === 'fs.read' || capability === 'fs.write') return within(target, wantedTarget);
  return patternToRegExp(target).test(wantedTarget);
}
