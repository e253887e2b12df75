import { afterEach, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import pino from 'pino';
import { PluginManager } from '../../src/index.js';
import { isolatedDir } from './isolatedFixtures.js';

/*
 * "Memory of the host does not grow": a plugin that faults again and again, restarted each time,
 * must leave no worker thread, child process, hook handler or heap behind. Jest gives no `global.gc`,
 * so the test counts what a leak would leave: OS threads and child processes of this process
 * (Linux /proc), handlers in the host's dispatch, and a generous bound on heapUsed.
 */

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const linux = process.platform === 'linux';

/** OS threads of this process (a worker is one). */
const threads = (): number => Number(/Threads:\s*(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);

/** Live child processes of this process. */
const children = (): number =>
  readdirSync('/proc/self/task')
    .flatMap((task) => readFileSync(`/proc/self/task/${task}/children`, 'utf8').trim().split(/\s+/))
    .filter((pid) => pid !== '').length;

/** Handlers registered in the host's dispatch, over every extension point. */
const handlers = (manager: PluginManager): number =>
  manager.extensions.describe().reduce((sum, point) => sum + point.handlers.length, 0);

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.each([
  ['worker', 15],
  ['process', 8],
] as const)('isolation %s resources', (mode, cycles) => {
  (linux ? describe : describe.skip)('when a plugin exits again and again and is restarted each time', () => {
    it('should leave no worker, child process, handler or heap behind in the host', async () => {
      const folder = isolatedDir();
      // windowMs 1: every restart is the first in its window, so the backoff stays 100 ms
      folder.write({ name: 'iso', isolation: mode, restart: { maxRestarts: 1000, windowMs: 1 } });
      const manager = new PluginManager({
        logger: pino({ level: 'silent' }),
        errorStrategy: 'log-and-continue',
      });
      cleanups.push(folder.remove, () => manager.close().then(() => undefined));
      const childrenBefore = children();
      await manager.discoverPlugins(folder.dir);
      manager.registerHook('greet', (value: string[]) => [...value, 'host'], {
        plugin: 'host',
        priority: 10,
      });
      expect((await manager.start()).failed).toEqual([]);
      expect(await manager.triggerAsync('greet', [])).toEqual(['iso:none', 'host']);

      const first = { threads: threads(), handlers: handlers(manager), heap: process.memoryUsage().heapUsed };
      const seen = { threads: [] as number[], children: [] as number[], handlers: [] as number[] };
      for (let cycle = 1; cycle <= cycles; cycle++) {
        await manager.triggerAsync('exit', []);
        await until(
          () => manager.status()[0]?.restarts === cycle && manager.getState('iso') === 'started',
          `restart ${String(cycle)}`,
        );
        expect(await manager.triggerAsync('greet', [])).toEqual(['iso:none', 'host']);
        seen.threads.push(threads());
        seen.children.push(children() - childrenBefore);
        seen.handlers.push(handlers(manager));
      }

      // one worker (a thread) or one child process at a time, never an accumulation
      expect(Math.max(...seen.threads)).toBeLessThanOrEqual(first.threads + 2);
      expect(Math.max(...seen.children)).toBeLessThanOrEqual(mode === 'process' ? 1 : 0);
      expect(new Set(seen.handlers)).toEqual(new Set([first.handlers]));
      expect(process.memoryUsage().heapUsed - first.heap).toBeLessThan(30 * 1024 * 1024);

      // close() resolves once the last worker or child process has exited
      await manager.close();
      expect(children()).toBe(childrenBefore);
    }, 20_000);
  });
});

(linux ? describe : describe.skip)('isolation processes started ahead', () => {
  describe('when a start sequence ends before their turn', () => {
    it.each(['isolate', 'abort'] as const)(
      "should end them with the sequence (onPluginFailure '%s')",
      async (onPluginFailure) => {
        const folder = isolatedDir();
        // initialize throws in the host: the isolated plugins after it never get their turn
        folder.write({ name: 'a-base', bare: true, initialize: "throw new Error('no');" });
        for (const name of ['b1', 'b2', 'b3', 'b4'])
          folder.write({ name, isolation: 'process', dependencies: ['a-base'] });
        const manager = new PluginManager({ logger: pino({ level: 'silent' }), onPluginFailure });
        cleanups.push(folder.remove, () => manager.close().then(() => undefined));
        const childrenBefore = children();
        await manager.discoverPlugins(folder.dir);
        if (onPluginFailure === 'abort')
          await expect(manager.start()).rejects.toMatchObject({ code: 'TRELLIS_STARTUP' });
        else
          expect((await manager.start()).failed.map((entry) => entry.name).sort()).toEqual([
            'a-base',
            'b1',
            'b2',
            'b3',
            'b4',
          ]);
        await until(() => children() === childrenBefore, 'the processes started ahead to end');
      },
      20_000,
    );
  });
});
