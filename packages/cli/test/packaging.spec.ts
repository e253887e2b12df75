import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { assertBuilt, FIXTURES } from './support/cli.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');

/**
 * The published packages outside this repository: `pnpm pack` every public package, install the
 * tarballs with npm into an empty folder outside the workspace (their dependencies come from the
 * registry), compile a TypeScript plugin against their types, and run ESM and CommonJS hosts and the
 * installed `trellis` binary there.
 */
describe('the packed packages', () => {
  let app = '';

  beforeAll(async () => {
    assertBuilt();
    app = await mkdtemp(join(tmpdir(), 'trellis-packaging-'));
    const tarballs = join(app, 'tarballs');
    await run(
      process.execPath,
      [
        join(root, 'scripts/pnpm.mjs'),
        '-r',
        '--filter',
        './packages/*',
        'pack',
        '--pack-destination',
        tarballs,
      ],
      { cwd: root },
    );
    const dependencies: Record<string, string> = { '@types/node': '^20.19.0' };
    for (const file of await readdir(tarballs)) {
      const name = /^trellis-(.+)-\d+\.\d+\.\d+\.tgz$/.exec(file)?.[1];
      if (name !== undefined) dependencies[`@trellis/${name}`] = `file:tarballs/${file}`;
    }
    await writeFile(
      join(app, 'package.json'),
      JSON.stringify({ name: 'packaging-check', private: true, type: 'module', dependencies }, null, 2),
    );
    await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: app,
      timeout: 240_000,
    });
    await cp(join(FIXTURES, 'packaging'), app, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    if (app !== '') await rm(app, { recursive: true, force: true });
  });

  describe('when a TypeScript plugin is compiled against their types', () => {
    it('should compile without errors', async () => {
      await expect(run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: app })).resolves.toBeDefined();
    }, 60_000);
  });

  describe('when an ESM host runs the plugin', () => {
    it('should start it, dispatch to it and check its health', async () => {
      const { stdout } = await run(process.execPath, ['host.mjs'], { cwd: app });
      expect(stdout).toBe('esm host ok\n');
    }, 30_000);
  });

  describe('when a CommonJS host loads them through import()', () => {
    it('should work the same', async () => {
      const { stdout } = await run(process.execPath, ['host.cjs'], { cwd: app });
      expect(stdout).toBe('cjs host ok\n');
    }, 30_000);
  });

  describe('when the installed trellis binary runs there', () => {
    it('should list the compiled plugins from a config file', async () => {
      const trellis = join(app, 'node_modules/.bin/trellis');
      const help = await run(trellis, ['--help'], { cwd: app });
      expect(help.stdout).toContain('Example:');
      const list = await run(trellis, ['list', '--json'], { cwd: app });
      expect((JSON.parse(list.stdout) as { name: string }[]).map((row) => row.name).sort()).toEqual([
        'clock',
        'greeter',
      ]);
      const doctor = await run(trellis, ['doctor', '--json'], { cwd: app });
      expect(JSON.parse(doctor.stdout)).toEqual({ problems: [] });
    }, 60_000);
  });
});
