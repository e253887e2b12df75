import {
  PluginManager,
  defineCollect,
  defineFilter,
  defineMiddleware,
  defineNotify,
  definePlugin,
  type PluginContext,
} from '../src/index.js';

const Saved = defineNotify<{ id: number }>('test.dispatch.saved');
const Checks = defineCollect<string, number>('test.dispatch.checks');
const Request = defineMiddleware<{ path: string }, string>('test.dispatch.request');
const Draft = defineFilter<string>('test.dispatch.draft');

describe('PluginManager dispatch API', () => {
  let manager: PluginManager;
  beforeEach(() => {
    manager = new PluginManager({ logger: false });
  });
  afterEach(async () => {
    await manager.close();
  });

  describe('when the host notifies', () => {
    it('should reach every handler, sync and async forms, on names and typed points', async () => {
      const seen: string[] = [];
      manager.registerHook(Saved, (event) => void seen.push(`point:${event.id}`));
      manager.registerHook('test.dispatch.plain', (value: string) => void seen.push(value));
      manager.notify(Saved, { id: 1 });
      manager.notify('test.dispatch.plain', 'sync');
      await manager.notifyAsync(Saved, { id: 2 });
      await manager.notifyAsync('test.dispatch.plain', 'async', { parallel: true });
      expect(seen).toEqual(['point:1', 'sync', 'point:2', 'async']);
    });
  });

  describe('when the host collects', () => {
    it('should return the handlers results, in priority order', async () => {
      manager.registerHook(Checks, (input) => input.length, { priority: 'low' });
      manager.registerHook(Checks, () => 7, { priority: 'high' });
      manager.registerHook(Checks, async () => 9);
      expect(manager.collect(Checks, 'abc')).toEqual([7, 3]);
      expect(await manager.collectAsync(Checks, 'abc')).toEqual([7, 9, 3]);
      expect(manager.collect('test.dispatch.none')).toEqual([]);
    });
  });

  describe('when the host runs a middleware point', () => {
    it('should wrap the terminal, highest priority outermost', async () => {
      manager.extensions.on(Request, async (_ctx, next) => `outer(${await next()})`, { priority: 'high' });
      manager.extensions.on(Request, async (_ctx, next) => `inner(${await next()})`);
      expect(await manager.run(Request, { path: '/a' }, (ctx) => ctx.path)).toBe('outer(inner(/a))');
      expect(await manager.run('test.dispatch.bare', 1, (n: number) => n + 1)).toBe(2);
    });
  });

  describe('when the host triggers a filter with options', () => {
    it('should pass the options to the registry', () => {
      manager.registerHook(Draft, () => {
        throw new Error('bad draft');
      });
      expect(manager.trigger(Draft, 'x')).toBe('x');
      expect(() => manager.trigger(Draft, 'x', { errorStrategy: 'fail-fast' })).toThrow(/bad draft/);
    });
  });

  describe('when a plugin dispatches through its context', () => {
    it('should offer trigger, triggerAsync, notify and notifyAsync', async () => {
      const seen: unknown[] = [];
      manager.registerHook(Draft, (text) => `${text}!`);
      manager.registerHook(Saved, (event) => void seen.push(event.id));
      let ctx: PluginContext | undefined;
      manager.register(
        definePlugin({
          name: 'dispatcher',
          initialize(context) {
            ctx = context;
          },
        }),
      );
      await manager.start();
      expect(ctx?.trigger(Draft, 'a')).toBe('a!');
      expect(await ctx?.triggerAsync(Draft, 'b')).toBe('b!');
      ctx?.notify(Saved, { id: 1 });
      await ctx?.notifyAsync(Saved, { id: 2 });
      expect(seen).toEqual([1, 2]);
    });
  });
});
