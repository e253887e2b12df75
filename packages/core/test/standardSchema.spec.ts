import { z } from 'zod';
import { ConfigValidationError, PluginManager, definePlugin, type TrellisWarning } from '../src/index.js';

const schema = z.object({
  maxEntries: z.number().int().min(1).default(10),
  sink: z.string().optional(),
});

describe('Config with a Standard Schema', () => {
  let manager: PluginManager;
  afterEach(async () => {
    await manager.close();
  });

  describe('when the section is valid', () => {
    it('should give the plugin the schema output, defaults applied', async () => {
      let seen: unknown;
      manager = new PluginManager({ logger: false, config: { audit: { sink: 'file' } } });
      manager.register(
        definePlugin({
          name: 'audit',
          config: schema,
          initialize(ctx) {
            seen = ctx.config.all();
          },
        }),
      );
      await manager.start();
      expect(seen).toEqual({ maxEntries: 10, sink: 'file' });
      expect(manager.status()[0]?.config).toEqual({ maxEntries: 10, sink: 'file' });
    });
  });

  describe('when the section is invalid', () => {
    it('should fail the plugin with ConfigValidationError naming each issue path', async () => {
      manager = new PluginManager({ logger: false, config: { audit: { maxEntries: 0.5, sink: 3 } } });
      manager.register(definePlugin({ name: 'audit', config: schema }));
      const report = await manager.start();
      const error = report.failed[0]?.error;
      expect(error).toBeInstanceOf(ConfigValidationError);
      expect((error as ConfigValidationError).problems.map((problem) => problem.key)).toEqual([
        'maxEntries',
        'sink',
      ]);
    });
  });

  describe('when the section has a key the schema drops', () => {
    it('should warn with the closest key the schema keeps', async () => {
      const warnings: TrellisWarning[] = [];
      manager = new PluginManager({
        logger: false,
        config: { audit: { maxEntires: 5 } },
        onWarning: (warning) => warnings.push(warning),
      });
      manager.register(definePlugin({ name: 'audit', config: schema }));
      await manager.start();
      expect(warnings.map((warning) => warning.code)).toEqual(['TRELLIS_CONFIG_UNKNOWN_KEY']);
      expect(warnings[0]?.message).toContain("Did you mean 'maxEntries'?");
    });
  });

  describe('when the schema validates asynchronously', () => {
    it('should fail the plugin and say why', async () => {
      manager = new PluginManager({ logger: false });
      const slow = z.object({ a: z.string().default('x') }).refine(async () => true);
      manager.register(definePlugin({ name: 'audit', config: slow }));
      const report = await manager.start();
      expect(report.failed[0]?.error.message).toMatch(/must validate synchronously/);
    });
  });
});
