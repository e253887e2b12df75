import { describe, expect, it } from '@jest/globals';
import {
  defineFilter,
  defineMiddleware,
  defineNotify,
  ExtensionRegistry,
  getHookDeclarations,
  hook,
  ValidationError,
} from '@trellis/extensions';

describe('point modes', () => {
  describe("when a point is mode 'sync'", () => {
    const Veto = defineFilter<string>('notes.veto', { mode: 'sync' });

    it('should refuse an async handler at registration, naming the point, the plugin and the fix', () => {
      const registry = new ExtensionRegistry();
      const register = (): unknown =>
        registry.on(Veto, async (note) => Promise.resolve(note), { plugin: 'moderation' });
      expect(register).toThrow(ValidationError);
      expect(register).toThrow(
        /plugin 'moderation' is async.*'notes\.veto' is a synchronous point.*Make the handler synchronous/,
      );
    });

    it('should refuse a handler declared async with the option (or by @hook on an async method)', () => {
      class Moderation {
        @hook(Veto)
        async check(note: string): Promise<string> {
          return Promise.resolve(note);
        }
      }
      const registry = new ExtensionRegistry();
      const [declaration] = getHookDeclarations(Moderation);
      const instance = new Moderation();
      expect(() =>
        registry.on(Veto, instance.check.bind(instance), { ...declaration?.options, plugin: 'moderation' }),
      ).toThrow(/is async/);
    });

    it('should refuse an async handler registered on the plain name of the point', () => {
      const registry = new ExtensionRegistry();
      registry.on(Veto, (note) => note);
      expect(() => registry.on('notes.veto', async () => Promise.resolve(undefined))).toThrow(
        ValidationError,
      );
    });

    it('should run synchronous handlers as before', () => {
      const registry = new ExtensionRegistry();
      registry.on(Veto, (note) => `${note}!`);
      expect(registry.filter(Veto, 'a')).toBe('a!');
    });
  });

  describe("when a point is mode 'async'", () => {
    const Saved = defineNotify<string>('notes.saved', { mode: 'async' });

    it('should refuse the synchronous dispatcher, naming the one to use', () => {
      const registry = new ExtensionRegistry();
      registry.on(Saved, () => undefined);
      expect(() => {
        registry.notify(Saved, 'a');
      }).toThrow(/registry\.notifyAsync\(\)/);
      expect(() => {
        registry.notify('notes.saved', 'a');
      }).toThrow(ValidationError);
    });

    it('should refuse the synchronous dispatcher even without handlers', () => {
      const registry = new ExtensionRegistry();
      expect(() => {
        registry.notify(Saved, 'a');
      }).toThrow(ValidationError);
    });

    it('should run sync and async handlers through the async dispatcher', async () => {
      const registry = new ExtensionRegistry();
      const seen: string[] = [];
      registry.on(Saved, (note) => void seen.push(`sync ${note}`));
      registry.on(Saved, async (note) => {
        await Promise.resolve();
        seen.push(`async ${note}`);
      });
      await registry.notifyAsync(Saved, 'a');
      expect(seen).toEqual(['sync a', 'async a']);
    });
  });

  describe('when a mode is invalid', () => {
    it('should refuse it when the point is defined', () => {
      expect(() => defineFilter('a.b', { mode: 'later' as 'sync' })).toThrow(/Invalid mode "later"/);
      expect(() => defineMiddleware('a.c', { mode: 'sync' })).toThrow(ValidationError);
    });

    it('should refuse two points of one name and kind with different modes', () => {
      const registry = new ExtensionRegistry();
      registry.on(defineFilter<number>('a.d', { mode: 'sync' }), (n) => n);
      expect(() => registry.on(defineFilter<number>('a.d', { mode: 'async' }), (n) => n)).toThrow(
        /mode sync/,
      );
    });
  });
});
