import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { assertBuilt, tempDir, trellis } from './support/cli.js';

const run = promisify(execFile);
const tsc = fileURLToPath(new URL('../../../node_modules/typescript/bin/tsc', import.meta.url));

describe('trellis new plugin', () => {
  beforeAll(assertBuilt);

  describe.each(['basic', 'health', 'metrics', 'http', 'events'])('when the type is %s', (type) => {
    it('should write a package whose test passes at once', async () => {
      await using dir = await tempDir();
      const created = await trellis([
        'new',
        'plugin',
        `my-${type}`,
        '--type',
        type,
        '--json',
        '--cwd',
        dir.path,
      ]);
      expect(created.code).toBe(0);
      const report = JSON.parse(created.stdout) as { directory: string; files: string[]; className: string };
      expect(report.files).toEqual(
        expect.arrayContaining(['package.json', 'tsconfig.json', 'src/index.ts', 'test/plugin.test.ts']),
      );
      const pkg = JSON.parse(await readFile(join(report.directory, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      };
      expect(pkg.scripts.test).toBe('tsc -p tsconfig.json && node --test dist/test/');
      // What `npm test` runs in the new package, with the workspace's TypeScript.
      await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: report.directory });
      const tests = await run(process.execPath, ['--test', 'dist/test/'], { cwd: report.directory });
      expect(tests.stdout).toMatch(/# pass 2/);
      expect(tests.stdout).toMatch(/# fail 0/);
    }, 60_000);
  });

  describe('when asked to link this checkout', () => {
    it('should refer to the local packages with file: links and add a host config for npm start', async () => {
      await using dir = await tempDir();
      const created = await trellis(['new', 'plugin', 'linked', '--link', '--json', '--cwd', dir.path]);
      const { directory } = JSON.parse(created.stdout) as { directory: string };
      const pkg = JSON.parse(await readFile(join(directory, 'package.json'), 'utf8')) as {
        devDependencies: Record<string, string>;
        scripts: Record<string, string>;
      };
      const target = (name: string): string =>
        resolve(directory, (pkg.devDependencies[name] ?? '').replace(/^file:/, ''));
      expect(target('@trellis/core')).toBe(fileURLToPath(new URL('../../core', import.meta.url)));
      expect(target('@trellis/testing')).toBe(fileURLToPath(new URL('../../testing', import.meta.url)));
      expect(pkg.scripts.start).toBe('tsc -p tsconfig.json && trellis start');
      expect(await readFile(join(directory, 'trellis.config.yaml'), 'utf8')).toContain('path: ./dist/src');
    });
  });

  describe('when the folder exists and has files', () => {
    it('should refuse with the code and the fix, writing nothing', async () => {
      await using dir = await tempDir();
      await trellis(['new', 'plugin', 'twice', '--cwd', dir.path]);
      const before = await readdir(join(dir.path, 'twice'), { recursive: true });
      const again = await trellis(['new', 'plugin', 'twice', '--cwd', dir.path]);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(
        /^TRELLIS_CLI_TARGET_EXISTS: twice already exists and is not empty\. Fix: /,
      );
      expect(await readdir(join(dir.path, 'twice'), { recursive: true })).toEqual(before);
    });
  });

  describe('when the name or type is invalid', () => {
    it('should refuse a bad name', async () => {
      const result = await trellis(['new', 'plugin', 'bad name!']);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/^TRELLIS_CLI_USAGE: 'bad name!' is not a valid plugin name\. Fix: /);
    });

    it('should refuse an unknown type, listing the known ones', async () => {
      const result = await trellis(['new', 'plugin', 'x', '--type', 'teleport']);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/^TRELLIS_CLI_USAGE: .*teleport.*basic, health, metrics, http, events/);
    });
  });

  describe('when run for people', () => {
    it('should say what it created and what to do next', async () => {
      await using dir = await tempDir();
      const result = await trellis(['new', 'plugin', 'uptime', '--type', 'health', '--cwd', dir.path]);
      expect(result.stdout).toContain('Created health plugin uptime (UptimePlugin) in uptime');
      expect(result.stdout).toContain('cd uptime && npm install && npm test');
    });
  });
});
