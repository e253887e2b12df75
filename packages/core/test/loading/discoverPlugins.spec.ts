import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { PluginDiscoveryError, PluginManager, TrellisError } from '../../src/index.js';
import { pluginSource, tempDir, write } from './fixtures.js';

describe('PluginManager.discoverPlugins', () => {
  let temp: ReturnType<typeof tempDir>;
  let manager: PluginManager;
  beforeEach(() => {
    temp = tempDir();
    manager = new PluginManager({ logger: false });
  });
  afterEach(async () => {
    await manager.close();
    temp.remove();
  });

  describe('when plugins sit in nested folders', () => {
    it('should register every plugin without loading it', async () => {
      write(join(temp.dir, 'a.plugin.mjs'), pluginSource({ name: 'a' }));
      write(join(temp.dir, 'x', 'y', 'b.plugin.js'), pluginSource({ name: 'b' }));
      write(join(temp.dir, 'x', 'notes.mjs'), 'export const ignored = 1;');
      const names = await manager.discoverPlugins(temp.dir);
      expect(names.sort()).toEqual(['a', 'b']);
      expect(manager.getLoadedPlugins()).toEqual([]);
      await manager.start();
      expect(manager.trigger('greet', [])).toEqual(['a@1.0.0', 'b@1.0.0']);
    });

    it('should stay in the top folder when recursive is false', async () => {
      write(join(temp.dir, 'a.plugin.mjs'), pluginSource({ name: 'a' }));
      write(join(temp.dir, 'x', 'b.plugin.mjs'), pluginSource({ name: 'b' }));
      expect(await manager.discoverPlugins(temp.dir, { recursive: false })).toEqual(['a']);
    });
  });

  describe('when modules export decorated classes and PluginBase subclasses', () => {
    it('should register each plugin export once', async () => {
      write(
        join(temp.dir, 'classes.plugin.mjs'),
        `const { plugin, hook, PluginBase } = globalThis.__trellisFixtures;
export class Decorated {
  greet(value) { return [...value, 'decorated']; }
}
hook('greet')(Decorated.prototype, 'greet', Object.getOwnPropertyDescriptor(Decorated.prototype, 'greet'));
plugin({ name: 'decorated', version: '1.0.0' })(Decorated);
export class Based extends PluginBase {
  initialize() { this.registerHook('greet', (value) => [...value, 'based']); }
}
plugin({ name: 'based', version: '1.0.0' })(Based);
export default Decorated;
export const notAPlugin = class {};
`,
      );
      expect(await manager.discoverPlugins(temp.dir)).toEqual(['based', 'decorated']);
      await manager.start();
      expect(manager.trigger('greet', [] as string[])).toEqual(['based', 'decorated']);
    });
  });

  describe('when a module is broken or exports no plugin', () => {
    it('should report it with its path and register the others', async () => {
      write(join(temp.dir, 'good.plugin.mjs'), pluginSource({ name: 'good' }));
      const broken = write(join(temp.dir, 'broken.plugin.mjs'), 'export default {{;');
      const empty = write(join(temp.dir, 'empty.plugin.mjs'), 'export const nothing = 1;');
      const errors: PluginDiscoveryError[] = [];
      const names = await manager.discoverPlugins(temp.dir, { onError: (error) => errors.push(error) });
      expect(names).toEqual(['good']);
      expect(errors.map((error) => error.path).sort()).toEqual([broken, empty].sort());
      expect(errors.every((error) => TrellisError.is(error, 'TRELLIS_PLUGIN_DISCOVERY'))).toBe(true);
      expect(errors.find((error) => error.path === empty)?.message).toMatch(/exports no plugin/);
    });
  });

  describe('when the directory does not exist', () => {
    it('should reject with PluginDiscoveryError naming it', async () => {
      const missing = join(temp.dir, 'nope');
      await expect(manager.discoverPlugins(missing)).rejects.toMatchObject({
        name: 'PluginDiscoveryError',
        path: missing,
      });
    });
  });

  describe('when symbolic links lead in and out of the root', () => {
    it('should follow links inside and skip links outside unless asked', async () => {
      const root = join(temp.dir, 'root');
      write(join(root, 'real', 'in.plugin.mjs'), pluginSource({ name: 'inside' }));
      symlinkSync(join(root, 'real', 'in.plugin.mjs'), join(root, 'linked.plugin.mjs'));
      write(join(temp.dir, 'outside', 'out.plugin.mjs'), pluginSource({ name: 'outside' }));
      symlinkSync(join(temp.dir, 'outside'), join(root, 'elsewhere'));
      expect(await manager.discoverPlugins(root)).toEqual(['inside']);
      const other = new PluginManager({ logger: false });
      expect((await other.discoverPlugins(root, { followSymlinks: true })).sort()).toEqual([
        'inside',
        'outside',
      ]);
    });
  });

  describe('when two files define the same plugin name', () => {
    it('should reject naming both paths and register neither', async () => {
      const first = write(join(temp.dir, 'one.plugin.mjs'), pluginSource({ name: 'twin' }));
      const second = write(join(temp.dir, 'two.plugin.mjs'), pluginSource({ name: 'twin' }));
      const error = await manager.discoverPlugins(temp.dir).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PluginDiscoveryError);
      expect((error as Error).message).toContain(first);
      expect((error as Error).message).toContain(second);
      expect(manager.getRegisteredPlugins()).toEqual([]);
    });
  });

  describe('when a sub-folder holds a plugin.json', () => {
    it('should validate the manifest, then import its main', async () => {
      const folder = join(temp.dir, 'auth');
      write(
        join(folder, 'plugin.json'),
        JSON.stringify({ name: 'auth', version: '1.0.0', main: 'lib/main.mjs' }),
      );
      write(join(folder, 'lib', 'main.mjs'), pluginSource({ name: 'auth' }));
      write(join(folder, 'lib', 'other.plugin.mjs'), pluginSource({ name: 'not-scanned' }));
      expect(await manager.discoverPlugins(temp.dir)).toEqual(['auth']);
    });

    it('should skip an invalid manifest without running the folder code', async () => {
      const folder = join(temp.dir, 'bad');
      write(join(folder, 'plugin.json'), JSON.stringify({ name: 'bad', version: 'one' }));
      write(join(folder, 'index.js'), "globalThis.__trellisRan = true; throw new Error('must not run');");
      const errors: PluginDiscoveryError[] = [];
      expect(await manager.discoverPlugins(temp.dir, { onError: (error) => errors.push(error) })).toEqual([]);
      expect(errors[0]?.message).toMatch(/\$\.version: is not a semantic version/);
      expect((globalThis as Record<string, unknown>).__trellisRan).toBeUndefined();
    });

    it('should refuse a main that escapes its folder', async () => {
      const folder = join(temp.dir, 'sneaky');
      write(join(temp.dir, 'secret.mjs'), pluginSource({ name: 'sneaky' }));
      write(
        join(folder, 'plugin.json'),
        JSON.stringify({ name: 'sneaky', version: '1.0.0', main: '../secret.mjs' }),
      );
      const errors: PluginDiscoveryError[] = [];
      await manager.discoverPlugins(temp.dir, { pattern: 'none', onError: (error) => errors.push(error) });
      expect(errors.map((error) => (error.cause as TrellisError).code)).toEqual([
        'TRELLIS_MANIFEST_MAIN_ESCAPES',
      ]);
    });
  });
});
