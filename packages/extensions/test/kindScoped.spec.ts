import { describe, expect, it } from '@jest/globals';
import {
  defineFilter,
  defineNotify,
  ExtensionRegistry,
  type HookContext,
  type PointKind,
  ValidationError,
} from '@trellis/extensions';

const BeforeSave = defineFilter<{ title: string }>('notes.before_save');
const Saved = defineNotify<{ title: string }>('notes.saved');

describe('kind-scoped registrations', () => {
  describe('when a wildcard handler joins notify dispatches only', () => {
    it('should not run inside a filter chain of a matching name', () => {
      const registry = new ExtensionRegistry();
      const audited: string[] = [];
      registry.on(
        'notes.*',
        (_payload: unknown, ctx: HookContext) => {
          audited.push(ctx.event);
          return { title: 'changed by audit' };
        },
        { kinds: ['notify'] },
      );

      expect(registry.filter(BeforeSave, { title: 'a' })).toEqual({ title: 'a' });
      registry.notify(Saved, { title: 'a' });

      expect(audited).toEqual(['notes.saved']);
    });
  });

  describe('when a plain name is dispatched as two kinds', () => {
    it('should give each dispatch the handlers that join it and tell the kind in ctx.kind', async () => {
      const registry = new ExtensionRegistry();
      const kinds: PointKind[] = [];
      // The hook context comes last: (value, ctx), or (ctx, next, hookCtx) for middleware.
      registry.on('x.y', (...args: unknown[]) => void kinds.push((args.at(-1) as HookContext).kind));
      registry.on('x.y', () => 'collected', { kinds: ['collect'] });

      registry.filter('x.y', 1);
      expect(registry.collect('x.y')).toEqual(['collected']);
      registry.notify('x.y');
      await registry.notifyAsync('x.y');
      await registry.run('x.y', 1, () => 1);

      expect(kinds).toEqual(['filter', 'collect', 'notify', 'notify', 'middleware']);
    });
  });

  describe('when the kinds option is invalid', () => {
    it.each([[[]], [['broadcast']], ['notify']])('should refuse %p', (kinds) => {
      const registry = new ExtensionRegistry();
      expect(() => registry.on('a.b', () => undefined, { kinds: kinds as PointKind[] })).toThrow(
        ValidationError,
      );
    });
  });
});
