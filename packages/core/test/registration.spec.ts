import {
  PluginManager,
  PluginNotFoundError,
  PluginRegistrationError,
  ValidationError,
  definePlugin,
  injectable,
  plugin,
} from '../src/index.js';

@plugin({ name: 'alpha', version: '1.0.0' })
class Alpha {}

@plugin({ name: 'beta', version: '1.0.0' })
class Beta {}

@plugin({ name: 'alpha', version: '2.0.0' })
class OtherAlpha {}

class NotAPlugin {}

describe('PluginManager registration', () => {
  let manager: PluginManager;
  beforeEach(() => {
    manager = new PluginManager({ logger: false });
  });
  afterEach(async () => {
    await manager.close();
  });

  describe('when a plugin class is registered', () => {
    it('should return its name and list it in registration order', () => {
      expect(manager.register(Beta)).toBe('beta');
      expect(manager.register([Alpha])).toEqual(['alpha']);
      expect(manager.getRegisteredPlugins()).toEqual(['beta', 'alpha']);
      expect(manager.getState('alpha')).toBe('registered');
    });

    it('should treat the same class twice as a no-op', () => {
      manager.register(Alpha);
      expect(manager.register(Alpha)).toBe('alpha');
      expect(manager.getRegisteredPlugins()).toEqual(['alpha']);
    });
  });

  describe('when another class claims a taken name', () => {
    it('should throw PluginRegistrationError naming both classes', () => {
      manager.register(Alpha);
      expect(() => manager.register(OtherAlpha)).toThrow(PluginRegistrationError);
      expect(() => manager.register(OtherAlpha)).toThrow(/'alpha'.*Alpha.*OtherAlpha/);
      expect(manager.getRegisteredPlugins()).toEqual(['alpha']);
    });

    it('should replace the registration with { replace: true }', async () => {
      manager.register(Alpha);
      manager.register(OtherAlpha, { replace: true });
      expect(await manager.load('alpha')).toBeInstanceOf(OtherAlpha);
    });
  });

  describe('when the class is not a plugin', () => {
    it('should throw PluginRegistrationError and keep the others working', async () => {
      manager.register(Alpha);
      expect(() => manager.register(NotAPlugin)).toThrow(PluginRegistrationError);
      expect(() => manager.register(42 as never)).toThrow(PluginRegistrationError);
      await manager.start();
      expect(manager.status().map((row) => [row.name, row.state])).toEqual([['alpha', 'started']]);
    });

    it('should register nothing from an array holding it', () => {
      expect(() => manager.register([Alpha, NotAPlugin])).toThrow(PluginRegistrationError);
      expect(manager.getRegisteredPlugins()).toEqual([]);
    });
  });

  describe('when metadata is invalid', () => {
    it('should throw ValidationError for a bad name', () => {
      expect(() => manager.register(definePlugin({ name: 'bad name!' }))).toThrow(ValidationError);
    });

    it('should throw ValidationError for a bad version', () => {
      expect(() => manager.register(definePlugin({ name: 'v', version: 'latest' }))).toThrow(
        /version 'latest'/,
      );
    });

    it('should accept anything but the name with validateMetadata: false', () => {
      const loose = new PluginManager({ logger: false, validateMetadata: false });
      expect(loose.register(definePlugin({ name: 'v', version: 'latest' }))).toBe('v');
    });
  });

  describe('when two plugins provide the same token', () => {
    it('should throw PluginRegistrationError', () => {
      const token = Symbol('shared');
      manager.register(definePlugin({ name: 'one', provides: [{ token, useValue: 1 }] }));
      expect(() =>
        manager.register(definePlugin({ name: 'two', provides: [{ token, useValue: 2 }] })),
      ).toThrow(/already provides/);
    });
  });

  describe('when the class is already injectable', () => {
    it('should still be a working plugin', async () => {
      @plugin({ name: 'injectable-first' })
      @injectable()
      class InjectableFirst {}
      manager.register(InjectableFirst);
      expect(await manager.load('injectable-first')).toBeInstanceOf(InjectableFirst);
    });
  });

  describe('when a method is given an unknown name', () => {
    it('should throw PluginNotFoundError from sync methods', () => {
      expect(() => manager.getState('ghost')).toThrow(PluginNotFoundError);
      expect(() => manager.getPlugin('ghost')).toThrow(PluginNotFoundError);
      expect(() => manager.isLoaded('ghost')).toThrow(PluginNotFoundError);
      expect(() => {
        manager.enablePlugin('ghost');
      }).toThrow(PluginNotFoundError);
      expect(() => {
        manager.disablePlugin('ghost');
      }).toThrow(PluginNotFoundError);
    });

    it('should reject with PluginNotFoundError from async methods', async () => {
      await expect(manager.load('ghost')).rejects.toThrow(PluginNotFoundError);
      await expect(manager.unload('ghost')).rejects.toThrow(PluginNotFoundError);
      await expect(manager.reload('ghost')).rejects.toThrow(PluginNotFoundError);
      await expect(manager.unregister('ghost')).rejects.toThrow(PluginNotFoundError);
    });
  });

  describe('when a plugin is unregistered', () => {
    it('should unload it and its dependents, and forget it', async () => {
      manager.register([Alpha, definePlugin({ name: 'needs-alpha', dependencies: ['alpha'] })]);
      await manager.start();
      await manager.unregister('alpha');
      expect(manager.getRegisteredPlugins()).toEqual(['needs-alpha']);
      expect(manager.getState('needs-alpha')).toBe('unloaded');
    });
  });
});
