import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

// These run the built package (`npm test` builds first) in real child processes: the contract is a
// plain promise, so node:test and Vitest use it exactly as Jest does.
const run = promisify(execFile);
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const built = existsSync(new URL('../dist/index.js', import.meta.url));

describe('@trellis/testing in other runners', () => {
  beforeAll(() => {
    if (!built) throw new Error('packages/testing/dist is missing: run `pnpm build` (npm test does) first');
  });

  describe('when used from node:test', () => {
    it('should pass the contract and run a test host', async () => {
      const { stdout } = await run(process.execPath, ['--test', 'contract.node-test.mjs'], { cwd: fixtures });
      expect(stdout).toMatch(/# pass 2/);
      expect(stdout).toMatch(/# fail 0/);
    });
  });

  describe('when used from Vitest', () => {
    it('should pass the contract and run a test host', async () => {
      const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
      const { stdout } = await run(
        process.execPath,
        [
          vitest,
          'run',
          'test/fixtures/contract.vitest.test.mjs',
          '--root',
          'test/fixtures',
          '--reporter',
          'verbose',
        ],
        { cwd: packageRoot, env: { ...process.env, NO_COLOR: '1', CI: 'true' } },
      );
      expect(stdout).toMatch(/2 passed/);
    });
  });

  describe('when a plugin leaves an unhandled rejection outside a runner', () => {
    it('should fail "no unhandled rejections" naming the reason', async () => {
      const { stdout } = await run(process.execPath, ['careless.mjs'], { cwd: fixtures });
      const result = JSON.parse(stdout) as { code: string; checks: string[]; message: string };
      expect(result.code).toBe('TRELLIS_PLUGIN_CONTRACT');
      expect(result.checks).toEqual(['no unhandled rejections']);
      expect(result.message).toContain('nobody listens');
    });
  });
});
