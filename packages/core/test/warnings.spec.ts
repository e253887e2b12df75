import {
  ConfigValidationError,
  HookError,
  PluginManager,
  definePlugin,
  type TrellisWarning,
} from '../src/index.js';

const audit = () =>
  definePlugin({
    name: 'audit',
    config: { maxEntries: { type: 'integer', default: 10 }, level: { type: 'string', default: 'info' } },
  });

describe('PluginManager warnings', () => {
  let manager: PluginManager;
  afterEach(async () => {
    await manager.close();
  });

  describe('when a config key is not in the schema', () => {
    it('should warn through onWarning, naming the closest known key, even with logger: false', async () => {
      const warnings: TrellisWarning[] = [];
      manager = new PluginManager({
        logger: false,
        config: { audit: { maxEntires: 5 } },
        onWarning: (warning) => warnings.push(warning),
      });
      manager.register(audit());
      const report = await manager.start();
      expect(report.started).toEqual(['audit']);
      expect(warnings).toEqual([
        {
          code: 'TRELLIS_CONFIG_UNKNOWN_KEY',
          plugin: 'audit',
          message: expect.stringContaining("Config key 'maxEntires' of plugin 'audit'") as unknown,
        },
      ]);
      expect(warnings[0]?.message).toContain("Did you mean 'maxEntries'?");
    });

    it('should warn once, not at every load', async () => {
      const warnings: TrellisWarning[] = [];
      manager = new PluginManager({
        logger: false,
        config: { audit: { colour: 'red' } },
        onWarning: (warning) => warnings.push(warning),
      });
      manager.register(audit());
      await manager.start();
      await manager.reload('audit');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.message).not.toContain('Did you mean');
    });

    it('should fail the plugin with ConfigValidationError under strict', async () => {
      manager = new PluginManager({ logger: false, strict: true, config: { audit: { maxEntires: 5 } } });
      manager.register([audit(), definePlugin({ name: 'other' })]);
      const report = await manager.start();
      expect(report.started).toEqual(['other']);
      const error = report.failed[0]?.error;
      expect(error).toBeInstanceOf(ConfigValidationError);
      expect(error?.message).toContain(
        "maxEntires: is not declared in the plugin's config schema. Did you mean 'maxEntries'?",
      );
    });
  });

  describe('when a config section names no registered plugin', () => {
    it('should warn, naming the closest plugin', async () => {
      const warnings: TrellisWarning[] = [];
      manager = new PluginManager({
        logger: false,
        config: { audti: { maxEntries: 5 } },
        onWarning: (warning) => warnings.push(warning),
      });
      manager.register(audit());
      await manager.start();
      await manager.start();
      expect(warnings.map((warning) => warning.code)).toEqual(['TRELLIS_CONFIG_UNKNOWN_SECTION']);
      expect(warnings[0]?.message).toMatch(
        /Config section 'audti' matches no registered plugin\. Did you mean 'audit'\?/,
      );
    });

    it('should make start() and loadAll() reject under strict', async () => {
      manager = new PluginManager({ logger: false, strict: true, config: { audti: {} } });
      manager.register(audit());
      await expect(manager.start()).rejects.toThrow(ConfigValidationError);
      await expect(manager.loadAll()).rejects.toThrow(
        /audti: Config section 'audti' matches no registered plugin/,
      );
      expect(manager.getState('audit')).toBe('registered');
    });
  });

  describe('when a synchronous dispatch skips an async handler', () => {
    it('should give the registry warning to onWarning, even with logger: false', () => {
      const warnings: TrellisWarning[] = [];
      manager = new PluginManager({ logger: false, onWarning: (warning) => warnings.push(warning) });
      manager.registerHook('note.save', async (note: string) => note, { plugin: 'veto' });
      manager.trigger('note.save', 'hello');
      expect(warnings).toEqual([
        expect.objectContaining({
          code: 'TRELLIS_ASYNC_HANDLER_SKIPPED',
          plugin: 'veto',
          event: 'note.save',
        }),
      ]);
    });

    it('should make the skip a HookError under strict', () => {
      manager = new PluginManager({ logger: false, strict: true, errorStrategy: 'fail-fast' });
      manager.registerHook('note.save', async (note: string) => note, { plugin: 'veto' });
      expect(() => manager.trigger('note.save', 'hello')).toThrow(HookError);
    });
  });

  describe('when onWarning throws', () => {
    it('should keep going', async () => {
      manager = new PluginManager({
        logger: false,
        config: { audit: { x: 1 } },
        onWarning: () => {
          throw new Error('bad listener');
        },
      });
      manager.register(audit());
      expect((await manager.start()).started).toEqual(['audit']);
    });
  });

  describe('when the options are wrong', () => {
    it('should throw ValidationError', () => {
      expect(() => new PluginManager({ strict: 'yes' as never })).toThrow(/Invalid option strict/);
      expect(() => new PluginManager({ onWarning: 1 as never })).toThrow(/Invalid option onWarning/);
      manager = new PluginManager({ logger: false });
    });
  });
});
