import {
  defineCollect,
  defineFilter,
  defineMiddleware,
  defineNotify,
  ExtensionRegistry,
  ValidationError,
} from '@trellis/extensions';

describe('typed points', () => {
  describe('when a point is dispatched with the wrong kind', () => {
    it('should throw a ValidationError naming the right dispatcher', async () => {
      const registry = new ExtensionRegistry();
      const Filter = defineFilter<number>('typed.filter');
      const Notify = defineNotify<number>('typed.notify');
      const Collect = defineCollect<number, number>('typed.collect');
      const Middleware = defineMiddleware<number, number>('typed.middleware');
      expect(() => {
        registry.notify(Filter as never, 1);
      }).toThrow(
        expect.objectContaining({
          name: 'ValidationError',
          message:
            "'typed.filter' is a filter point; use registry.filter() or filterAsync() (it was dispatched as a notify point).",
        }),
      );
      expect(() => registry.filter(Notify as never, 1)).toThrow(/is a notify point/);
      expect(() => registry.collect(Middleware as never, 1)).toThrow(/use registry\.run\(\)/);
      await expect(registry.notifyAsync(Collect as never, 1)).rejects.toBeInstanceOf(ValidationError);
      await expect(registry.run(Filter as never, 1, () => 1)).rejects.toBeInstanceOf(ValidationError);
    });

    it('should also reject a plain-name dispatch of a name a typed point claimed', () => {
      const registry = new ExtensionRegistry();
      const Filter = defineFilter<number>('claimed.name');
      registry.on(Filter, (value) => value + 1);
      expect(() => {
        registry.notify('claimed.name', 1);
      }).toThrow(/is a filter point/);
      expect(registry.filter('claimed.name', 1)).toBe(2);
    });
  });

  describe('when a name dispatched as a plain string is later claimed by a typed point', () => {
    it('should check later plain dispatches against the claimed kind', () => {
      const registry = new ExtensionRegistry();
      registry.filter('late.claim', 1);
      registry.on(defineNotify<number>('late.claim'), () => undefined);
      expect(() => registry.filter('late.claim', 1)).toThrow(/is a notify point/);
    });
  });

  describe('when two points share a name with different kinds', () => {
    it('should throw on the second one used', () => {
      const registry = new ExtensionRegistry();
      const AsFilter = defineFilter<number>('shared.name');
      const AsNotify = defineNotify<number>('shared.name');
      registry.on(AsFilter, (value) => value);
      expect(() => registry.on(AsNotify, () => undefined)).toThrow(/already a filter point/);
      expect(() => {
        registry.notify(AsNotify, 1);
      }).toThrow(/is a filter point/);
    });
  });

  describe('when a point is defined', () => {
    it('should be a frozen object with name, kind and description', () => {
      const point = defineFilter<number>('db.before_save', { description: 'd' });
      expect(point).toEqual({ name: 'db.before_save', kind: 'filter', description: 'd' });
      expect(Object.isFrozen(point)).toBe(true);
      expect(defineMiddleware('http.request').kind).toBe('middleware');
    });

    it('should reject invalid names and wildcards', () => {
      expect(() => defineFilter('')).toThrow(ValidationError);
      expect(() => defineNotify('user..login')).toThrow(/dot-separated/);
      expect(() => defineCollect('has space')).toThrow(/dot-separated/);
      expect(() => defineFilter('user.*')).toThrow(/wildcards are only allowed when registering/);
    });
  });

  describe('when registering with invalid arguments', () => {
    it('should throw a ValidationError', () => {
      const registry = new ExtensionRegistry();
      expect(() => registry.on('ok.name', 'not a function' as never)).toThrow(/pass a function/);
      expect(() => registry.on('bad name', () => undefined)).toThrow(/Invalid event name/);
      expect(() => registry.on({ name: 'x' } as never, () => undefined)).toThrow(
        /Expected an event name or an extension point/,
      );
      expect(() => registry.on('ok.name', () => undefined, { plugin: '' })).toThrow(/Invalid plugin/);
    });
  });
});
