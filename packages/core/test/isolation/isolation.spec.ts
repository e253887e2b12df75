import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import {
  definePlugin,
  HookAggregateError,
  IsolationError,
  PluginManager,
  ValidationError,
  type PluginManagerOptions,
} from '../../src/index.js';
import { isolatedDir, isolatedSource, type IsolatedSpec } from './isolatedFixtures.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A manager with one isolated plugin discovered from a temp folder, plus a log capture. */
async function hostWith(specs: readonly IsolatedSpec[], options: PluginManagerOptions = {}) {
  const folder = isolatedDir();
  for (const spec of specs) folder.write(spec);
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'debug' },
    { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  const manager = new PluginManager({ logger, ...options });
  cleanups.push(folder.remove, () => manager.close().then(() => undefined));
  await manager.discoverPlugins(folder.dir);
  return { manager, lines, folder };
}

/** Polls until `check` is true (faults are reported asynchronously). */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const local = (manager: PluginManager): void => {
  manager.registerHook('greet', (value: string[]) => [...value, 'host'], { plugin: 'host', priority: 10 });
};

describe.each(['worker', 'process'] as const)('isolation %s', (mode) => {
  describe('when the plugin runs normally', () => {
    it('should serve its hooks in the host dispatch, in priority order, with its config and logger', async () => {
      const { manager, lines } = await hostWith([{ name: 'iso' }], {
        config: { iso: { isolation: mode, word: 'hi' } },
      });
      local(manager);
      const report = await manager.start();
      expect(report.failed).toEqual([]);
      expect(await manager.triggerAsync('greet', ['start'])).toEqual(['start', 'iso:hi', 'host']);
      expect(await manager.triggerAsync('stopper', ['a'])).toEqual(['a', 'stopped']);
      const row = manager.status().find((entry) => entry.name === 'iso');
      expect(row).toMatchObject({ state: 'started', isolation: mode, restarts: 0 });
      expect(lines.some((line) => line.msg === 'greeting from the inside' && line.plugin === 'iso')).toBe(
        true,
      );
    });

    it('should pass a plain throw to the error strategy and keep the plugin started', async () => {
      const { manager } = await hostWith([{ name: 'iso', isolation: mode }], { errorStrategy: 'fail-fast' });
      await manager.start();
      await expect(manager.triggerAsync('throws', 1)).rejects.toMatchObject({ code: 'TRELLIS_HOOK' });
      expect(manager.getState('iso')).toBe('started');
      expect(await manager.triggerAsync('greet', [])).toEqual(['iso:none']);
    });

    it('should give it only the base environment', async () => {
      process.env.TRELLIS_TEST_SECRET = 'host-secret';
      cleanups.push(() => {
        delete process.env.TRELLIS_TEST_SECRET;
      });
      const { manager } = await hostWith([{ name: 'iso', isolation: mode }]);
      await manager.start();
      expect(await manager.triggerAsync('env', 'x')).toBeNull();
    });

    it("should not reach the host's objects", async () => {
      const { manager } = await hostWith([{ name: 'iso', isolation: mode }]);
      await manager.start();
      expect(await manager.triggerAsync('host', 'x')).toBe('undefined');
    });
  });

  describe.each([
    ['crash', 'crash'],
    ['exit', 'exit'],
    ['hang', 'timeout'],
    ['never', 'timeout'],
    ['oom', 'out-of-memory'],
  ] as const)('when a hook faults with %s', (event, reason) => {
    it(`should fail the plugin with IsolationError '${reason}' and its dependent, while the host serves`, async () => {
      const { manager } = await hostWith(
        [
          { name: 'iso', isolation: mode, limits: { memoryMb: 32 } },
          { name: 'dependent', dependencies: ['iso'], bare: true },
        ],
        { errorStrategy: 'log-and-continue' },
      );
      local(manager);
      await manager.start();
      expect(manager.getState('dependent')).toBe('started');
      await manager.triggerAsync(event, []);
      await until(() => manager.getState('iso') === 'failed', 'the plugin to fail');
      const row = manager.status().find((entry) => entry.name === 'iso');
      expect(row?.lastError).toMatchObject({ code: IsolationError.CODE, reason });
      expect(manager.getState('dependent')).toBe('failed');
      expect(manager.status().find((entry) => entry.name === 'dependent')?.lastError?.code).toBe(
        'TRELLIS_DEPENDENCY_FAILED',
      );
      expect(await manager.triggerAsync('greet', ['x'])).toEqual(['x', 'host']);
    });
  });

  describe('when initialize never settles', () => {
    it('should fail with the lifecycle timeout and end the worker', async () => {
      const { manager } = await hostWith(
        [{ name: 'iso', isolation: mode, initialize: 'return new Promise(() => {});' }],
        {
          lifecycleTimeout: 1500,
        },
      );
      local(manager);
      const report = await manager.start();
      expect(report.failed.map((entry) => entry.error.code)).toEqual(['TRELLIS_LIFECYCLE_TIMEOUT']);
      expect(await manager.triggerAsync('greet', [])).toEqual(['host']);
    });
  });

  describe('when stop never settles', () => {
    it('should fail the plugin with a timeout and end the worker', async () => {
      const { manager } = await hostWith(
        [{ name: 'iso', isolation: mode, stop: 'return new Promise(() => {});' }],
        { lifecycleTimeout: 1000 },
      );
      await manager.start();
      await manager.stop();
      expect(manager.getState('iso')).toBe('failed');
      expect(['TRELLIS_LIFECYCLE_TIMEOUT', 'TRELLIS_ISOLATION_FAILED']).toContain(
        manager.status()[0]?.lastError?.code,
      );
      // its worker is gone: a call fails at once instead of waiting for the hook timeout
      expect(await manager.triggerAsync('greet', ['x'])).toEqual(['x']);
    });
  });

  describe('when initialize exits', () => {
    it('should fail the plugin with IsolationError exit', async () => {
      const { manager } = await hostWith([{ name: 'iso', isolation: mode, initialize: 'process.exit(2);' }]);
      const report = await manager.start();
      expect(report.failed[0]?.error).toBeInstanceOf(IsolationError);
      expect(manager.status()[0]?.lastError).toMatchObject({ code: IsolationError.CODE, reason: 'exit' });
    });
  });

  describe('when initialize throws', () => {
    it('should fail the plugin with the error', async () => {
      const { manager } = await hostWith([
        { name: 'iso', isolation: mode, initialize: "throw new Error('init broke');" },
      ]);
      const report = await manager.start();
      expect(report.failed[0]?.error.message).toContain('init broke');
    });
  });

  describe('when a restart budget is set', () => {
    it('should restart after a crash with backoff, then stay failed past the budget', async () => {
      const { manager } = await hostWith([
        { name: 'iso', isolation: mode, restart: { maxRestarts: 1, windowMs: 60_000 } },
      ]);
      await manager.start();
      await manager.triggerAsync('exit', []);
      await until(
        () => manager.status()[0]?.restarts === 1 && manager.getState('iso') === 'started',
        'a restart',
      );
      expect(await manager.triggerAsync('greet', [])).toEqual(['iso:none']);
      await manager.triggerAsync('exit', []);
      await until(() => manager.getState('iso') === 'failed', 'the second failure');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(manager.getState('iso')).toBe('failed');
      expect(manager.status()[0]?.restarts).toBe(1);
    });
  });
});

describe('isolation', () => {
  describe('when a class defined in the host asks for isolation', () => {
    it('should throw ValidationError saying so', () => {
      const manager = new PluginManager({ logger: false });
      const cls = definePlugin({ name: 'inline', isolation: 'worker' });
      expect(() => manager.register(cls)).toThrow(ValidationError);
      expect(() => manager.register(cls)).toThrow(/defined in the host's own code/);
    });
  });

  describe('when the isolation mode is unknown', () => {
    it('should report the plugin and skip it', async () => {
      const folder = isolatedDir();
      cleanups.push(folder.remove);
      folder.write({ name: 'iso' });
      const manager = new PluginManager({ logger: false, config: { iso: { isolation: 'vm' } } });
      const errors: string[] = [];
      const names = await manager.discoverPlugins(folder.dir, {
        onError: (error) => errors.push(error.message),
      });
      expect(names).toEqual([]);
      expect(errors.join()).toMatch(/isolation must be 'none', 'worker' or 'process'/);
    });
  });

  describe('when an isolated plugin provides a token', () => {
    it('should refuse it at load naming the token', async () => {
      const { manager } = await hostWith([{ name: 'iso', isolation: 'worker', provides: true }]);
      const report = await manager.start();
      expect(report.failed[0]?.error.message).toMatch(/iso\.token.*cannot cross/);
    });
  });

  describe('when a plugin folder is isolated by its config section', () => {
    it('should build the stand-in from plugin.json without importing the code in the host', async () => {
      const folder = isolatedDir();
      cleanups.push(folder.remove);
      const pluginDir = join(folder.dir, 'folded');
      mkdirSync(pluginDir);
      writeFileSync(
        join(pluginDir, 'plugin.json'),
        JSON.stringify({ name: 'folded', version: '1.0.0', main: 'index.mjs', permissions: ['hooks:**'] }),
      );
      writeFileSync(
        join(pluginDir, 'index.mjs'),
        `globalThis.__foldedImported = true;\n${isolatedSource({ name: 'folded' })}`,
      );
      const manager = new PluginManager({ logger: false, config: { folded: { isolation: 'worker' } } });
      cleanups.push(() => manager.close().then(() => undefined));
      expect(await manager.discoverPlugins(folder.dir)).toEqual(['folded']);
      const report = await manager.start();
      expect(report.started).toEqual(['folded']);
      expect((globalThis as { __foldedImported?: unknown }).__foldedImported).toBeUndefined();
      expect(await manager.triggerAsync('greet', [])).toEqual(['iso:none']);
      expect(manager.status()[0]).toMatchObject({
        isolation: 'worker',
        permissions: { declared: ['hooks:**'] },
      });
    });
  });

  describe('when a process plugin starts a child process without the grant', () => {
    it('should be refused by Node', async () => {
      const { manager } = await hostWith([{ name: 'iso', isolation: 'process' }]);
      await manager.start();
      const error = (await manager
        .triggerAsync('spawn', 'x', { errorStrategy: 'fail-fast' })
        .catch((caught: unknown) => caught)) as { cause?: { code?: unknown } };
      expect(error.cause?.code).toBe('ERR_ACCESS_DENIED');
      expect(manager.getState('iso')).toBe('started');
    });
  });

  describe('when a process plugin reads a file outside its grant', () => {
    it('should be refused by Node, and allowed with fs.read', async () => {
      const outside = mkdtempSync(join(realpathSync(tmpdir()), 'trellis-outside-'));
      cleanups.push(() => {
        rmSync(outside, { recursive: true, force: true });
      });
      const secret = join(outside, 'secret.txt');
      writeFileSync(secret, 'abc');
      const { manager } = await hostWith([
        { name: 'allowed', isolation: 'process', permissions: [`fs.read:${outside}`, 'hooks:**'] },
        { name: 'denied', isolation: 'process', permissions: ['hooks:**'] },
      ]);
      await manager.start();
      const error = (await manager
        .collectAsync('read', secret, { errorStrategy: 'collect-all' })
        .catch((caught: unknown) => caught)) as HookAggregateError;
      expect(error).toBeInstanceOf(HookAggregateError);
      expect(error.value).toEqual([3]);
      expect(error.errors.map((entry) => [entry.plugin, (entry.cause as { code?: unknown }).code])).toEqual([
        ['denied', 'ERR_ACCESS_DENIED'],
      ]);
      expect(manager.status().find((row) => row.name === 'allowed')?.permissions).toEqual({
        declared: [`fs.read:${outside}`, 'hooks:**'],
        granted: [`fs.read:${outside}`, 'hooks:**'],
      });
    });
  });
});

describe('isolation across a reload', () => {
  describe('when an isolated plugin is reloaded from its file', () => {
    it('should run the new version isolated again, never in the host', async () => {
      const { manager } = await hostWith([{ name: 'iso' }], { config: { iso: { isolation: 'worker' } } });
      await manager.start();
      expect(await manager.triggerAsync('host', null)).toBe('undefined');
      await manager.reload('iso');
      expect(manager.getState('iso')).toBe('started');
      expect(manager.status().find((row) => row.name === 'iso')?.isolation).toBe('worker');
      expect(await manager.triggerAsync('host', null)).toBe('undefined');
    }, 30_000);
  });

  /** Dispatches `greet` in a loop while `work` runs; every answer. */
  async function greetDuring(manager: PluginManager, work: () => Promise<unknown>): Promise<string[][]> {
    const run = { going: true };
    const answers: string[][] = [];
    const loop = (async () => {
      while (run.going) answers.push(await manager.triggerAsync<string[]>('greet', []));
    })();
    try {
      await work();
    } finally {
      run.going = false;
      await loop;
    }
    return answers;
  }

  describe.each(['worker', 'process'] as const)(
    'when a %s plugin is reloaded while dispatches run',
    (mode) => {
      it('should answer every dispatch once, from the old version until the new one serves', async () => {
        const { manager, folder } = await hostWith([{ name: 'iso' }], {
          config: { iso: { isolation: mode, word: 'w' } },
        });
        await manager.start();
        const answers = await greetDuring(manager, async () => {
          folder.write({ name: 'iso', isolation: mode, mark: 'new' });
          await manager.reload('iso');
        });
        expect(answers.length).toBeGreaterThan(0);
        expect(answers.filter((answer) => answer.length !== 1)).toEqual([]);
        expect(await manager.triggerAsync('greet', [])).toEqual(['new:w']);
      }, 30_000);

      it('should serve the old code throughout when the new one fails to initialize', async () => {
        const { manager, folder } = await hostWith([{ name: 'iso' }], {
          config: { iso: { isolation: mode, word: 'w' } },
        });
        await manager.start();
        const answers = await greetDuring(manager, async () => {
          folder.write({
            name: 'iso',
            isolation: mode,
            mark: 'broken',
            initialize: "throw new Error('broken build');",
          });
          await expect(manager.reload('iso')).rejects.toThrow(/broken build/);
        });
        // the file on disk is the broken version: the old worker/process was taken back
        expect(new Set(answers.map((answer) => answer.join()))).toEqual(new Set(['iso:w']));
        expect(manager.getState('iso')).toBe('started');
        expect(await manager.triggerAsync('greet', [])).toEqual(['iso:w']);
      }, 30_000);
    },
  );
});
