import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERROR_CODES } from '../src/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Every non-test TypeScript source of every package, with its text. */
function sources(): { path: string; text: string }[] {
  const found: { path: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
        found.push({ path, text: readFileSync(path, 'utf8') });
      }
    }
  };
  for (const name of readdirSync(join(root, 'packages'))) {
    const src = join(root, 'packages', name, 'src');
    try {
      walk(src);
    } catch {
      // a package without sources yet
    }
  }
  return found;
}

/** The codes docs/errors.md marks `- **Reserved:**` (documented, raised by no code path yet). */
function reservedCodes(): Set<string> {
  const text = readFileSync(join(root, 'docs/errors.md'), 'utf8');
  const reserved = new Set<string>();
  for (const section of text.split(/^### /m).slice(1)) {
    const code = /^(TRELLIS_[A-Z_]+)/.exec(section)?.[1];
    if (code !== undefined && /^- \*\*Reserved:\*\*/m.test(section)) reserved.add(code);
  }
  return reserved;
}

/**
 * Whether some code path raises the code: its literal appears where an error is made (outside the
 * code lists and error class files), or the error class that owns it (`static readonly CODE`) is
 * constructed somewhere.
 */
function isRaised(code: string, files: readonly { path: string; text: string }[]): boolean {
  const literal = `'${code}'`;
  for (const file of files) {
    if (!file.text.includes(literal)) continue;
    const owner = new RegExp(`class (\\w+)[^{]*\\{[^]*static readonly CODE = ${literal}`).exec(
      file.text,
    )?.[1];
    if (owner !== undefined) {
      if (files.some((other) => other.path !== file.path && other.text.includes(`new ${owner}(`)))
        return true;
      continue;
    }
    if (/ERROR_CODES|ErrorCode\.ts$/.test(file.path) || file.path.includes(join('src', 'errors'))) continue;
    return true;
  }
  return false;
}

describe('Core error codes', () => {
  describe('when docs/errors.md documents a code of @trellis/core', () => {
    it('should be raised by some code path, or be marked reserved', () => {
      const files = sources();
      const reserved = reservedCodes();
      const neverRaised = ERROR_CODES.filter((code) => !reserved.has(code) && !isRaised(code, files));
      expect(neverRaised).toEqual([]);
    });

    it('should tell a code nothing raises', () => {
      expect(isRaised('TRELLIS_NEVER_RAISED_ANYWHERE', sources())).toBe(false);
    });

    it('should not mark a code reserved that is raised', () => {
      const files = sources();
      const stale = [...reservedCodes()].filter(
        (code) => (ERROR_CODES as readonly string[]).includes(code) && isRaised(code, files),
      );
      expect(stale).toEqual([]);
    });
  });
});
