import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { transformFileSync } from '@swc/core';
import * as extensions from '@trellis/extensions';
import { runCodegenScenario } from './support/codegenScenario.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Transpiles every non-test source file under `from` to `to` (same layout, `.js`). */
function transpile(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) {
      mkdirSync(path.join(to, entry.name), { recursive: true });
      transpile(source, path.join(to, entry.name));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
      const { code } = transformFileSync(source, {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          target: 'es2022',
          transform: { legacyDecorator: true },
        },
        module: { type: 'es6' },
      });
      writeFileSync(path.join(to, entry.name.replace(/\.ts$/, '.js')), code);
    }
  }
}

describe('dispatch without code generation', () => {
  let dir = '';

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'trellis-nocodegen-'));
    mkdirSync(path.join(dir, 'src'));
    transpile(path.join(packageDir, 'src'), path.join(dir, 'src'));
    transpile(path.join(packageDir, 'test', 'support'), dir);
    symlinkSync(path.join(packageDir, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    writeFileSync(
      path.join(dir, 'child.mjs'),
      [
        "import * as ext from './src/index.js';",
        "import { runCodegenScenario } from './codegenScenario.js';",
        'let blocked = false;',
        "try { new Function('return 1'); } catch { blocked = true; }",
        'const results = await runCodegenScenario(ext);',
        'process.stdout.write(JSON.stringify({ blocked, results }));',
      ].join('\n'),
    );
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  describe('when node runs with --disallow-code-generation-from-strings', () => {
    it('should fall back to the loops and give the same results as generated runners', async () => {
      const output = execFileSync(
        process.execPath,
        ['--disallow-code-generation-from-strings', path.join(dir, 'child.mjs')],
        { encoding: 'utf8', timeout: 60_000 },
      );
      const child = JSON.parse(output) as { blocked: boolean; results: unknown };
      const here = JSON.parse(JSON.stringify(await runCodegenScenario(extensions))) as unknown;

      expect(child.blocked).toBe(true);
      expect(child.results).toEqual(here);
    });
  });
});
