import { afterEach, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import pino from 'pino';
import { definePlugin, PluginManager, type PluginContext } from '../../src/index.js';
import { isolatedDir } from './isolatedFixtures.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Handler = (payload: unknown) => unknown;

/** A small consumer-scoped bus, like the one of @trellis/events: each plugin gets its own facade. */
function testBus() {
  const handlers = new Map<string, Set<Handler>>();
  const published: { from: string; event: string; payload: unknown }[] = [];
  const forPlugin = (from: string) => ({
    async publish(event: string, payload: unknown): Promise<unknown[]> {
      published.push({ from, event, payload });
      return Promise.all([...(handlers.get(event) ?? [])].map((handler) => handler(payload)));
    },
    subscribe(event: string, handler: Handler): () => void {
      const set = handlers.get(event) ?? new Set<Handler>();
      handlers.set(event, set);
      set.add(handler);
      return () => set.delete(handler);
    },
  });
  return { forPlugin, published, handlers };
}

/** The isolated plugin's module: it injects the math service and the bus, and uses them in hooks. */
const isolatedModule = (mode: string, inject: string, dependencies = "['provider']"): string => `
const { definePlugin, TOKENS } = globalThis.__trellisFixtures ?? (await import('@trellis/core'));
export default definePlugin({
  name: 'iso',
  version: '1.0.0',
  isolation: '${mode}',
  dependencies: ${dependencies},
  inject: { ${inject} log: TOKENS.Logger },
  hooks: [
    { on: 'sum', async handler(value) { return await this.math.add(value[0], value[1]); } },
    { on: 'fails', async handler() { try { await this.math.fail(); return 'no'; } catch (error) { return error.message; } } },
    { on: 'publish', async handler(value) { await this.bus.publish('from.iso', value); return 'sent'; } },
    { on: 'subscribe', async handler() {
      this.received = [];
      this.off = await this.bus.subscribe('to.iso', (payload) => { this.received.push(payload); return 'handled:' + payload; });
      return typeof this.off;
    } },
    { on: 'received', handler() { return this.received; } },
    { on: 'unsubscribe', async handler() { await this.off(); return 'off'; } },
    { on: 'where', handler() { return typeof globalThis.__trellisFixtures; } },
    { on: 'badArg', async handler() { try { await this.math.add(Symbol('x'), 1); return 'no'; } catch (error) { return error.message; } } },
    { on: 'badResult', async handler() { try { await this.math.symbol(); return 'no'; } catch (error) { return error.message; } } },
    { on: 'churn', async handler(count) {
      for (let i = 0; i < count; i++) {
        const big = new Array(100000).fill(i);
        const off = await this.bus.subscribe('churn', () => big.length);
        await off();
      }
      return 'done';
    } },
    { on: 'heap', async handler() {
      const { setFlagsFromString, getHeapStatistics } = await import('node:v8');
      const { runInNewContext } = await import('node:vm');
      setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc');
      for (let i = 0; i < 3; i++) { gc(); await new Promise((resolve) => setTimeout(resolve, 20)); }
      return getHeapStatistics().used_heap_size;
    } },
    { on: 'subscribeFailing', async handler() {
      await this.bus.subscribe('to.iso.fail', async () => { throw new Error('handler inside refused'); });
      return 'ok';
    } },
  ],
});
`;

/** A host with the in-process provider and the isolated plugin discovered from a temp folder. */
async function hostWith(
  mode: string,
  inject: string,
  provides: Record<string, unknown> = {},
  { dependencies, providerLast = false }: { dependencies?: string; providerLast?: boolean } = {},
) {
  const bus = testBus();
  const provider = definePlugin({
    name: 'provider',
    version: '1.0.0',
    provides: [
      {
        token: Symbol.for('test.math'),
        useValue: {
          add: (a: number, b: number) => a + b,
          fail: () => {
            throw new Error('math refused');
          },
          symbol: () => ({ id: Symbol('not cloneable') }),
        },
      },
      {
        token: Symbol.for('test.bus'),
        scope: 'consumer',
        useFactory: (_own: PluginContext, consumer: PluginContext) => bus.forPlugin(consumer.name),
      },
      ...Object.entries(provides).map(([key, value]) => ({ token: Symbol.for(key), useValue: value })),
    ],
  });
  const folder = isolatedDir();
  writeFileSync(join(folder.dir, 'iso.plugin.mjs'), isolatedModule(mode, inject, dependencies));
  const manager = new PluginManager({ logger: pino({ level: 'silent' }) });
  cleanups.push(folder.remove, () => manager.close().then(() => undefined));
  if (!providerLast) manager.register(provider);
  await manager.discoverPlugins(folder.dir);
  if (providerLast) manager.register(provider);
  return { manager, bus };
}

const BOTH = "math: Symbol.for('test.math'), bus: Symbol.for('test.bus'),";

describe.each(['worker', 'process'] as const)('isolated injection (%s)', (mode) => {
  describe('when the plugin injects an object of methods provided in the host', () => {
    it('should call its methods as async calls and get their results and errors', async () => {
      const { manager } = await hostWith(mode, BOTH);
      const report = await manager.start();
      expect(report.failed).toEqual([]);
      expect(await manager.triggerAsync('where', null)).toBe('undefined');
      expect(await manager.triggerAsync('sum', [2, 3])).toBe(5);
      expect(await manager.triggerAsync('fails', null)).toBe('math refused');
    });

    it('should reject a call whose arguments or result cannot be cloned, saying so', async () => {
      const { manager } = await hostWith(mode, BOTH);
      await manager.start();
      expect(await manager.triggerAsync('badArg', null)).toContain('cannot cross to the host');
      expect(await manager.triggerAsync('badResult', null)).toContain('cannot cross to its');
      expect(await manager.triggerAsync('sum', [1, 1])).toBe(2);
    });
  });

  describe('when the plugin injects a provided token without listing the provider in dependencies', () => {
    it('should still be ordered after the provider, as an in-process plugin is', async () => {
      const { manager } = await hostWith(mode, BOTH, {}, { dependencies: '[]', providerLast: true });
      const report = await manager.start();
      expect(report.failed).toEqual([]);
      expect(report.started).toEqual(['provider', 'iso']);
      expect(await manager.triggerAsync('sum', [2, 3])).toBe(5);
    });
  });

  describe('when the plugin injects a consumer-scoped bus', () => {
    it('should publish as itself and receive what the host publishes through its callback', async () => {
      const { manager, bus } = await hostWith(mode, BOTH);
      await manager.start();
      expect(await manager.triggerAsync('publish', { n: 1 })).toBe('sent');
      expect(bus.published).toEqual([{ from: 'iso', event: 'from.iso', payload: { n: 1 } }]);

      expect(await manager.triggerAsync('subscribe', null)).toBe('function');
      const host = bus.forPlugin('host');
      expect(await host.publish('to.iso', 'hello')).toEqual(['handled:hello']);
      expect(await manager.triggerAsync('received', null)).toEqual(['hello']);

      expect(await manager.triggerAsync('unsubscribe', null)).toBe('off');
      expect(await host.publish('to.iso', 'again')).toEqual([]);
      expect(await manager.triggerAsync('received', null)).toEqual(['hello']);
    });

    it('should let both sides drop callbacks and returned functions once nothing holds them', async () => {
      setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc') as () => void;
      const settle = async (): Promise<void> => {
        for (let i = 0; i < 3; i++) {
          gc();
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      };
      const { manager, bus } = await hostWith(mode, BOTH);
      await manager.start();
      const before = Number(await manager.triggerAsync<unknown>('heap', null));
      // 60 subscriptions, each handler holding ~800 KB inside, each unsubscribed at once
      expect(await manager.triggerAsync('churn', 60)).toBe('done');
      expect(bus.handlers.get('churn')?.size).toBe(0);
      await manager.triggerAsync('heap', null); // inside: the unsubscribe functions are collected
      await settle(); // host: their table entries, then the handler proxies are collected
      const after = Number(await manager.triggerAsync<unknown>('heap', null));
      expect(after - before).toBeLessThan(20 * 1024 * 1024);
    });

    it("should reject the host's call of a callback whose handler rejects inside", async () => {
      const { manager, bus } = await hostWith(mode, BOTH);
      await manager.start();
      expect(await manager.triggerAsync('subscribeFailing', null)).toBe('ok');
      await expect(bus.forPlugin('host').publish('to.iso.fail', 1)).rejects.toThrow('handler inside refused');
      expect(manager.getState('iso')).toBe('started');
    });
  });

  describe.each([
    ['a number', "n: Symbol.for('test.number'),", 'test.number'],
    ['a thenable', "p: Symbol.for('test.promise'),", 'test.promise'],
    ['TOKENS.Manager', 'm: TOKENS.Manager,', 'trellis.manager'],
    ['a class token', 'c: class Local {},', 'class Local'],
    ['a token nobody provides', "u: Symbol.for('test.unknown'),", 'test.unknown'],
  ])('when the plugin injects %s', (_what, inject, named) => {
    it('should refuse it at load with an error naming the plugin and the token', async () => {
      const { manager } = await hostWith(mode, inject, {
        'test.number': 42,
        'test.promise': Promise.resolve(1),
      });
      const report = await manager.start();
      const failure = report.failed.find((entry) => entry.name === 'iso');
      expect(failure?.error.message).toContain(named);
      expect(failure?.error.message).toContain("Isolated plugin 'iso'");
      const cause = (failure?.error as { cause?: { code?: string } } | undefined)?.cause;
      expect(cause?.code).toBe('TRELLIS_VALIDATION');
      expect(manager.getState('iso')).toBe('failed');
      expect(manager.getState('provider')).toBe('started');
    });
  });
});
