import {
  ConfigValidationError,
  PluginManager,
  PluginNotFoundError,
  TrellisError,
  definePlugin,
  type PluginContext,
} from '../src/index.js';

const audit = (seen: unknown[] = []) =>
  definePlugin({
    name: 'audit',
    config: { maxEntries: { type: 'integer', required: true, min: 1 } },
    initialize(ctx: PluginContext) {
      seen.push(ctx.config.get('maxEntries'));
    },
  });

describe('PluginManager.configure', () => {
  let manager: PluginManager;
  afterEach(async () => {
    await manager.close();
  });

  describe('when a plugin failed on its config', () => {
    it('should load it again with the corrected section', async () => {
      const seen: unknown[] = [];
      manager = new PluginManager({ logger: false, config: { audit: { maxEntries: 'many' } } });
      manager.register(audit(seen));
      const first = await manager.start();
      expect(first.failed.map((failure) => failure.error.code)).toEqual(['TRELLIS_CONFIG_VALIDATION']);
      manager.configure('audit', { maxEntries: 100 });
      expect(await manager.load('audit')).toBeDefined();
      expect(seen).toEqual([100]);
      expect(manager.getState('audit')).toBe('loaded');
    });
  });

  describe('when start() is called again after a fix', () => {
    it('should report only what it started this time', async () => {
      manager = new PluginManager({ logger: false, config: { audit: { maxEntries: 0 } } });
      manager.register([definePlugin({ name: 'other' }), audit()]);
      const first = await manager.start();
      expect(first.started).toEqual(['other']);
      manager.configure('audit', { maxEntries: 5 });
      const second = await manager.start();
      expect(second).toMatchObject({ started: ['audit'], failed: [], skipped: [] });
      expect(manager.getState('audit')).toBe('started');
    });
  });

  describe('when the new section is invalid', () => {
    it('should throw ConfigValidationError and keep the previous section', async () => {
      const seen: unknown[] = [];
      manager = new PluginManager({ logger: false, config: { audit: { maxEntries: 3 } } });
      manager.register(audit(seen));
      let error: unknown;
      try {
        manager.configure('audit', { maxEntries: 'lots' });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigValidationError);
      expect((error as ConfigValidationError).message).toMatch(/maxEntries: expected an integer/);
      await manager.start();
      expect(seen).toEqual([3]);
    });
  });

  describe('when the plugin is not registered', () => {
    it('should throw PluginNotFoundError', () => {
      manager = new PluginManager({ logger: false });
      expect(() => {
        manager.configure('nope', {});
      }).toThrow(PluginNotFoundError);
    });
  });

  describe('when the plugin is loaded', () => {
    it('should apply the section at its next load', async () => {
      const seen: unknown[] = [];
      manager = new PluginManager({ logger: false, config: { audit: { maxEntries: 1 } } });
      manager.register(audit(seen));
      await manager.start();
      manager.configure('audit', { maxEntries: 2 });
      await manager.reload('audit');
      expect(seen).toEqual([1, 2]);
      expect(TrellisError.is(new ConfigValidationError('x', []), 'TRELLIS_CONFIG_VALIDATION')).toBe(true);
    });
  });
});
