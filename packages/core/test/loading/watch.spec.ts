import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { createHost, type PluginManager, type TrellisError } from '../../src/index.js';
import { pluginSource, tempDir, write } from './fixtures.js';

describe('PluginManager.watch', () => {
  describe('when a plugin file is edited, then broken', () => {
    it('should reload the good edit and keep serving over the broken one', async () => {
      const temp = tempDir();
      const file = write(join(temp.dir, 'w.plugin.mjs'), pluginSource({ name: 'w', mark: 'v1' }));
      const manager = await createHost({ cwd: temp.dir, logger: false, plugins: { directories: ['.'] } });
      await manager.start();
      const events: string[] = [];
      let settle: () => void = () => undefined;
      const next = (): Promise<void> =>
        new Promise((done) => {
          settle = done;
        });
      const watcher = manager.watch({
        debounceMs: 60,
        onReload: (name) => {
          events.push(`reloaded ${name}`);
          settle();
        },
        onError: (_error, name) => {
          events.push(`refused ${String(name)}`);
          settle();
        },
      });
      await watcher.ready;
      try {
        let changed = next();
        writeFileSync(file, pluginSource({ name: 'w', mark: 'v2' }));
        jest.resetModules(); // Jest caches file contents by path (see fixtures.ts)
        await changed;
        expect(manager.trigger('greet', [] as string[])).toEqual(['v2']);
        changed = next();
        writeFileSync(file, 'export default {{');
        jest.resetModules();
        await changed;
        expect(manager.trigger('greet', [] as string[])).toEqual(['v2']);
        expect(events).toEqual(['reloaded w', 'refused w']);
      } finally {
        await manager.close();
        temp.remove();
      }
    });
  });
});

describe('PluginManager.watch with manifests and the config file', () => {
  let temp: ReturnType<typeof tempDir>;
  let manager: PluginManager;
  let settle: () => void = () => undefined;
  const events: string[] = [];
  const next = (): Promise<void> =>
    new Promise((done) => {
      settle = done;
    });
  const edit = async (file: string, text: string): Promise<void> => {
    const changed = next();
    writeFileSync(file, text);
    jest.resetModules();
    await changed;
  };
  beforeEach(async () => {
    events.length = 0;
    temp = tempDir();
    write(
      join(temp.dir, 'plugins', 'talker', 'plugin.json'),
      JSON.stringify({ name: 'talker', version: '1.0.0' }),
    );
    write(
      join(temp.dir, 'plugins', 'talker', 'index.js'),
      pluginSource({ name: 'talker', greetsWithConfig: true }),
    );
    write(
      join(temp.dir, 'trellis.config.json'),
      JSON.stringify({ plugins: { directories: ['plugins'] }, config: { talker: { word: 'hello' } } }),
    );
    manager = await createHost({ cwd: temp.dir, logger: false });
    await manager.start();
    await manager.watch({
      debounceMs: 60,
      configFile: join(temp.dir, 'trellis.config.json'),
      onReload: (name) => {
        events.push(`reloaded ${name}`);
        settle();
      },
      onError: (error) => {
        events.push(`refused ${(error as TrellisError).code}`);
        settle();
      },
    }).ready;
  });
  afterEach(async () => {
    await manager.close();
    temp.remove();
  });

  describe('when the manifest becomes invalid', () => {
    it('should refuse it before importing anything and keep the plugin serving', async () => {
      await edit(
        join(temp.dir, 'plugins', 'talker', 'plugin.json'),
        JSON.stringify({ name: 'talker', version: 'two' }),
      );
      expect(events).toEqual(['refused TRELLIS_PLUGIN_DISCOVERY']);
      expect(manager.trigger('greet', [] as string[])).toEqual(['hello']);
    });
  });

  describe('when a plugin section of the config file changes', () => {
    it('should apply it and reload that plugin; an invalid edit changes nothing', async () => {
      const config = join(temp.dir, 'trellis.config.json');
      await edit(
        config,
        JSON.stringify({ plugins: { directories: ['plugins'] }, config: { talker: { word: 'bonjour' } } }),
      );
      expect(manager.trigger('greet', [] as string[])).toEqual(['bonjour']);
      await edit(config, '{ "config": ');
      await edit(config, JSON.stringify({ config: { talker: { word: 42 } } }));
      expect(manager.trigger('greet', [] as string[])).toEqual(['bonjour']);
      expect(events).toEqual([
        'reloaded talker',
        'refused TRELLIS_CONFIG_PARSE',
        'refused TRELLIS_CONFIG_VALIDATION',
      ]);
    });
  });
});
