import {
  defineCollect,
  defineFilter,
  defineMiddleware,
  defineNotify,
  ExtensionRegistry,
  HookAggregateError,
  HookError,
} from '@trellis/extensions';

interface User {
  readonly name: string;
  readonly checked?: boolean;
  readonly saved?: boolean;
}

describe('ExtensionRegistry dispatch kinds', () => {
  describe('when filtering', () => {
    it('should pass each result to the next handler', () => {
      const registry = new ExtensionRegistry();
      const BeforeSave = defineFilter<User>('db.before_save');
      registry.on(BeforeSave, (user) => ({ ...user, checked: true }));
      registry.on(BeforeSave, (user) => ({ ...user, saved: user.checked === true }));
      expect(registry.filter(BeforeSave, { name: 'ada' })).toEqual({
        name: 'ada',
        checked: true,
        saved: true,
      });
    });

    it('should keep the current value when a handler returns undefined', () => {
      const registry = new ExtensionRegistry();
      const point = defineFilter<number>('num.filter');
      registry.on(point, (value) => value + 1);
      registry.on(point, () => undefined);
      registry.on(point, (value) => value * 10);
      expect(registry.filter(point, 1)).toBe(20);
    });

    it('should return the input unchanged when there are no handlers', async () => {
      const registry = new ExtensionRegistry();
      const input = { name: 'x' };
      expect(registry.filter('nobody.listens', input)).toBe(input);
      await expect(registry.filterAsync('nobody.listens', input)).resolves.toBe(input);
    });

    it('should give the handler the concrete event and its plugin in the context', () => {
      const registry = new ExtensionRegistry();
      const seen: unknown[] = [];
      registry.on('user.*', (value: number, ctx) => void seen.push([ctx.event, ctx.plugin, value]), {
        plugin: 'audit',
      });
      registry.filter('user.login', 5);
      expect(seen).toEqual([['user.login', 'audit', 5]]);
    });
  });

  describe('when notifying', () => {
    it('should give every handler the same payload and return nothing', () => {
      const registry = new ExtensionRegistry();
      const UserLogin = defineNotify<{ username: string }>('user.login');
      const seen: unknown[] = [];
      registry.on(UserLogin, (event) => {
        seen.push(event);
        return { ignored: true };
      });
      registry.on(UserLogin, (event) => void seen.push(event));
      const payload = { username: 'alice' };
      registry.notify(UserLogin, payload);
      expect(seen).toEqual([payload, payload]);
      expect(seen[0]).toBe(payload);
    });

    it('should run async handlers one after the other with notifyAsync', async () => {
      const registry = new ExtensionRegistry();
      const order: string[] = [];
      registry.on('job.done', async () => {
        await new Promise((resolve) => setImmediate(resolve));
        order.push('slow first');
      });
      registry.on('job.done', () => void order.push('second'));
      await registry.notifyAsync('job.done', {});
      expect(order).toEqual(['slow first', 'second']);
    });

    it('should start every handler at once with { parallel: true }', async () => {
      const registry = new ExtensionRegistry();
      const order: string[] = [];
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      registry.on('job.done', async () => {
        order.push('a start');
        await gate;
        order.push('a end');
      });
      registry.on('job.done', () => {
        order.push('b');
        release();
      });
      await registry.notifyAsync('job.done', {}, { parallel: true });
      expect(order).toEqual(['a start', 'b', 'a end']);
    });

    it('should apply the error strategy after every parallel handler settled', async () => {
      const registry = new ExtensionRegistry();
      const done: string[] = [];
      registry.on(
        'job.done',
        async () => {
          throw new Error('first');
        },
        { plugin: 'one' },
      );
      registry.on('job.done', async () => {
        await new Promise((resolve) => setImmediate(resolve));
        done.push('slow');
      });
      registry.on(
        'job.done',
        () => {
          throw new Error('third');
        },
        { plugin: 'three' },
      );
      const failFast = registry.notifyAsync('job.done', {}, { parallel: true, errorStrategy: 'fail-fast' });
      await expect(failFast).rejects.toEqual(expect.objectContaining({ plugin: 'one' }));
      expect(done).toEqual(['slow']);
      const all = registry.notifyAsync('job.done', {}, { parallel: true, errorStrategy: 'collect-all' });
      await expect(all).rejects.toBeInstanceOf(HookAggregateError);
      await expect(all).rejects.toHaveProperty('errors', [
        expect.objectContaining({ plugin: 'one' }),
        expect.objectContaining({ plugin: 'three' }),
      ]);
      await expect(registry.notifyAsync('job.done', {}, { parallel: true })).resolves.toBeUndefined();
    });
  });

  describe('when collecting', () => {
    it('should return the non-undefined results in handler order', () => {
      const registry = new ExtensionRegistry();
      const Health = defineCollect<void, { name: string; ok: boolean }>('health.check');
      registry.on(Health, () => ({ name: 'db', ok: true }), { priority: 'high' });
      registry.on(Health, () => undefined);
      registry.on(Health, () => ({ name: 'cache', ok: false }));
      expect(registry.collect(Health, undefined)).toEqual([
        { name: 'db', ok: true },
        { name: 'cache', ok: false },
      ]);
    });

    it('should await async results with collectAsync', async () => {
      const registry = new ExtensionRegistry();
      registry.on('health.check', async () => 'a');
      registry.on('health.check', () => 'b');
      registry.on('health.check', async () => undefined);
      await expect(registry.collectAsync('health.check')).resolves.toEqual(['a', 'b']);
    });
  });

  describe('when running middleware', () => {
    const Request = defineMiddleware<{ path: string; trail: string[] }, string>('http.request');

    it('should wrap handlers like an onion, highest priority outermost', async () => {
      const registry = new ExtensionRegistry();
      registry.on(Request, async (ctx, next) => {
        ctx.trail.push('inner in');
        const result = await next();
        ctx.trail.push('inner out');
        return `${result}!`;
      });
      registry.on(
        Request,
        async (ctx, next) => {
          ctx.trail.push('outer in');
          const result = await next();
          ctx.trail.push('outer out');
          return `<${result}>`;
        },
        { priority: 'high' },
      );
      const ctx = { path: '/x', trail: [] as string[] };
      const result = await registry.run(Request, ctx, (c) => {
        c.trail.push('terminal');
        return c.path;
      });
      expect(result).toBe('</x!>');
      expect(ctx.trail).toEqual(['outer in', 'inner in', 'terminal', 'inner out', 'outer out']);
    });

    it('should call the terminal directly when there are no handlers', async () => {
      const registry = new ExtensionRegistry();
      await expect(registry.run(Request, { path: '/y', trail: [] }, async (c) => c.path)).resolves.toBe('/y');
    });

    it('should let a handler answer without calling next()', async () => {
      const registry = new ExtensionRegistry();
      const terminal = jestFn();
      registry.on(Request, () => 'cached');
      await expect(registry.run(Request, { path: '/', trail: [] }, terminal.fn)).resolves.toBe('cached');
      expect(terminal.calls).toBe(0);
    });

    it('should reject when a handler calls next() twice', async () => {
      const registry = new ExtensionRegistry({ errorStrategy: 'fail-fast' });
      registry.on(
        Request,
        async (_ctx, next) => {
          await next();
          return next();
        },
        { plugin: 'twice' },
      );
      const run = registry.run(Request, { path: '/', trail: [] }, () => 'ok');
      await expect(run).rejects.toBeInstanceOf(HookError);
      await expect(run).rejects.toHaveProperty(
        'cause.message',
        expect.stringContaining('called next() more than once'),
      );
    });

    it('should bypass a failing layer under log-and-continue', async () => {
      const registry = new ExtensionRegistry();
      registry.on(Request, () => {
        throw new Error('broken layer');
      });
      await expect(registry.run(Request, { path: '/z', trail: [] }, (c) => c.path)).resolves.toBe('/z');
    });

    it('should reject with every failure and the result under collect-all', async () => {
      const registry = new ExtensionRegistry({ errorStrategy: 'collect-all' });
      registry.on(Request, async (_ctx, next) => `${await next()}+ok`);
      registry.on(
        Request,
        () => {
          throw new Error('broken');
        },
        { priority: 'high', plugin: 'bad' },
      );
      const run = registry.run(Request, { path: '/c', trail: [] }, (c) => c.path);
      await expect(run).rejects.toBeInstanceOf(HookAggregateError);
      await expect(run).rejects.toHaveProperty('value', '/c+ok');
    });

    it('should pass an inner failure through outer layers unchanged under fail-fast', async () => {
      const registry = new ExtensionRegistry({ errorStrategy: 'fail-fast' });
      registry.on(Request, async (_ctx, next) => next(), { plugin: 'outer', priority: 'high' });
      registry.on(
        Request,
        () => {
          throw new Error('inner broke');
        },
        { plugin: 'inner' },
      );
      const run = registry.run(Request, { path: '/', trail: [] }, () => 'ok');
      await expect(run).rejects.toHaveProperty('plugin', 'inner');
    });

    it('should pass terminal errors through unchanged', async () => {
      const registry = new ExtensionRegistry({ errorStrategy: 'fail-fast' });
      registry.on(Request, async (_ctx, next) => next());
      const failure = new Error('terminal failed');
      await expect(
        registry.run(Request, { path: '/', trail: [] }, () => {
          throw failure;
        }),
      ).rejects.toBe(failure);
    });
  });
});

function jestFn(): { fn: () => string; calls: number } {
  const holder = {
    calls: 0,
    fn: (): string => {
      holder.calls++;
      return 'terminal';
    },
  };
  return holder;
}
