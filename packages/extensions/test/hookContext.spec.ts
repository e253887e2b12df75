import { describe, expect, it } from '@jest/globals';
import { defineFilter, ExtensionRegistry, type HookContext } from '@trellis/extensions';

const point = defineFilter<number>('ctx.shape');

const stringKeysOf = (ctx: HookContext): string[] => {
  const keys = new Set<string>();
  for (
    let proto: object | null = ctx;
    proto !== null && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    for (const key of Reflect.ownKeys(proto))
      if (typeof key === 'string' && key !== 'constructor') keys.add(key);
  }
  return [...keys].sort();
};

describe('HookContext', () => {
  describe.each([
    { name: 'a plain sync dispatch', compileAfter: Infinity, async: false },
    { name: 'a generated sync dispatch', compileAfter: 0, async: false },
    { name: 'an async dispatch', compileAfter: 0, async: true },
  ])('when a handler looks at its context in $name', ({ compileAfter, async }) => {
    it('should see event, kind, plugin, signal and stop only', async () => {
      const registry = new ExtensionRegistry({ compileAfter });
      let seen: HookContext | undefined;
      registry.on(
        point,
        (value, ctx) => {
          seen = ctx;
          ctx.stop();
          return value;
        },
        { plugin: 'p' },
      );

      if (async) await registry.filterAsync(point, 1);
      else registry.filter(point, 1);

      const ctx = seen as HookContext;
      expect(Object.keys(ctx).sort()).toEqual(['event', 'kind', 'plugin']);
      expect(stringKeysOf(ctx)).toEqual(['event', 'kind', 'plugin', 'signal', 'stop']);
      expect(JSON.parse(JSON.stringify(ctx))).toEqual({ event: 'ctx.shape', kind: 'filter', plugin: 'p' });
      expect('stopMark' in ctx).toBe(false);
    });
  });
});
