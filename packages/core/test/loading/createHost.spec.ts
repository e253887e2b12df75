import { join } from 'node:path';
import { createHost, type PluginManager } from '../../src/index.js';
import { pluginSource, tempDir, write } from './fixtures.js';

describe('createHost', () => {
  let temp: ReturnType<typeof tempDir>;
  let manager: PluginManager | undefined;
  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(async () => {
    await manager?.close();
    manager = undefined;
    temp.remove();
  });

  describe('when a TOML config file and code options are given', () => {
    it('should merge them (code wins per key), register plugins and leave them unstarted', async () => {
      write(join(temp.dir, 'plugins', 'a.plugin.mjs'), pluginSource({ name: 'a' }));
      write(join(temp.dir, 'plugins', 'b.plugin.mjs'), pluginSource({ name: 'b' }));
      write(join(temp.dir, 'extra.mjs'), pluginSource({ name: 'c', exportName: 'C' }));
      write(join(temp.dir, 'mw.mjs'), 'export const first = () => 1; export const second = () => 2;');
      write(
        join(temp.dir, 'trellis.config.toml'),
        [
          'lifecycleTimeout = 1000',
          '[plugins]',
          'directories = ["./plugins"]',
          'disabled = ["b"]',
          '[plugins.groups]',
          'middleware = ["./mw.mjs#first", "./mw.mjs#second"]',
          '[config.a]',
          'greeting = "${GREETING:-hello}"',
          'target = "file"',
        ].join('\n'),
      );
      manager = await createHost({
        cwd: temp.dir,
        logger: false,
        env: {},
        config: { a: { target: 'code' } },
        plugins: { groups: { middleware: ['./mw.mjs#second', './extra.mjs#C'] } },
      });
      expect(manager.getRegisteredPlugins()).toEqual(['a', 'b', 'c']);
      expect(manager.getLoadedPlugins()).toEqual([]);
      expect([...(manager.groups.get('middleware')?.keys() ?? [])]).toEqual([
        './mw.mjs#first',
        './mw.mjs#second',
        './extra.mjs#C',
      ]);
      expect(manager.getState('b')).toBe('disabled');
      await manager.start();
      expect(manager.status().find((row) => row.name === 'a')?.config).toEqual({
        greeting: 'hello',
        target: 'code',
      });
      expect(manager.trigger('greet', [] as string[])).toEqual(['a@1.0.0', 'c@1.0.0']);
    });
  });

  describe('when the host depends on a package declaring trellis plugins', () => {
    it('should register them', async () => {
      write(join(temp.dir, 'package.json'), JSON.stringify({ dependencies: { 'fake-plugin': '1.0.0' } }));
      write(
        join(temp.dir, 'node_modules', 'fake-plugin', 'package.json'),
        JSON.stringify({ name: 'fake-plugin', version: '1.0.0', trellis: { plugins: ['./plugin.mjs'] } }),
      );
      write(join(temp.dir, 'node_modules', 'fake-plugin', 'plugin.mjs'), pluginSource({ name: 'fake' }));
      manager = await createHost({ cwd: temp.dir, logger: false, configFile: false });
      expect(manager.getRegisteredPlugins()).toEqual(['fake']);
    });
  });
});

describe('createHost with a module config file', () => {
  let temp: ReturnType<typeof tempDir>;
  let manager: PluginManager | undefined;
  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(async () => {
    await manager?.close();
    manager = undefined;
    temp.remove();
  });

  describe('when trellis.config.mjs exports a function and plugins.enabled lists one plugin', () => {
    it('should use its result and disable every other plugin, warning about unknown names', async () => {
      write(join(temp.dir, 'p', 'a.plugin.mjs'), pluginSource({ name: 'a' }));
      write(join(temp.dir, 'p', 'b.plugin.mjs'), pluginSource({ name: 'b' }));
      write(
        join(temp.dir, 'trellis.config.mjs'),
        "export default async () => ({ plugins: { directories: ['p'], enabled: ['a', 'ghost'] } });\n",
      );
      const warnings: string[] = [];
      manager = await createHost({
        cwd: temp.dir,
        logger: false,
        onWarning: (warning) => warnings.push(warning.code),
      });
      expect(manager.getState('a')).toBe('registered');
      expect(manager.getState('b')).toBe('disabled');
      expect(warnings).toEqual(['TRELLIS_CONFIG_UNKNOWN_PLUGIN']);
    });
  });
});
