import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { PluginManager, TrellisError, type FileReloadReport } from '../../src/index.js';
import { pluginSource, tempDir, write, type PluginSpec } from './fixtures.js';

describe('PluginManager.reload (plugins from files)', () => {
  let temp: ReturnType<typeof tempDir>;
  let manager: PluginManager;
  let file: string;
  const edit = (text: string): void => {
    writeFileSync(file, text);
    jest.resetModules(); // Jest caches file contents by path; plain Node needs only the query
  };
  const greet = (): string[] => manager.trigger('greet', [] as string[]);
  const plugin = (spec: Partial<PluginSpec>): string => pluginSource({ name: 'core-greeter', ...spec });

  beforeEach(async () => {
    temp = tempDir();
    manager = new PluginManager({ logger: false });
    file = write(join(temp.dir, 'greeter.plugin.mjs'), plugin({ mark: 'v1' }));
    write(join(temp.dir, 'fan.plugin.mjs'), pluginSource({ name: 'fan', dependencies: ['core-greeter'] }));
    await manager.discoverPlugins(temp.dir);
    await manager.start();
  });
  afterEach(async () => {
    await manager.close();
    temp.remove();
  });

  describe('when the module is edited v1 → v2 → broken → v3', () => {
    it('should serve each good version and keep the last good one over a broken edit', async () => {
      expect(greet()).toEqual(['v1', 'fan@1.0.0']);

      edit(plugin({ mark: 'v2' }));
      const report = await manager.reload('core-greeter');
      expect(report).toMatchObject({
        reloaded: ['core-greeter', 'fan'],
        failed: [],
        rolledBack: false,
        file,
      });
      expect(greet()).toEqual(['v2', 'fan@1.0.0']);

      edit('export default definePlugin({ oops');
      const broken = await manager.reload('core-greeter').catch((error: unknown) => error);
      expect(TrellisError.is(broken, 'TRELLIS_PLUGIN_DISCOVERY')).toBe(true);
      expect((broken as Error).message).toContain(file);
      expect(greet()).toEqual(['v2', 'fan@1.0.0']);
      expect(manager.getState('core-greeter')).toBe('started');

      edit(plugin({ mark: 'v3' }));
      await manager.reload('core-greeter');
      expect(greet()).toEqual(['v3', 'fan@1.0.0']);
      expect(manager.getState('fan')).toBe('started');
    });
  });

  describe('when the new module lacks the export or declares another name', () => {
    it('should reject and leave the running version untouched', async () => {
      edit('export const somethingElse = 1;');
      await expect(manager.reload('core-greeter')).rejects.toThrow(/no export 'default' any more/);
      edit(pluginSource({ name: 'renamed', mark: 'x' }));
      await expect(manager.reload('core-greeter')).rejects.toThrow(/now declares the plugin 'renamed'/);
      expect(greet()).toEqual(['v1', 'fan@1.0.0']);
    });
  });

  describe('when the new version throws in initialize', () => {
    it('should reject and bring the old version back with its dependents', async () => {
      edit(plugin({ mark: 'v2', failInitialize: true }));
      await expect(manager.reload('core-greeter')).rejects.toMatchObject({
        code: 'TRELLIS_PLUGIN_LOAD',
        phase: 'initialize',
      });
      expect(greet()).toEqual(['v1', 'fan@1.0.0']);
      expect(manager.getState('core-greeter')).toBe('started');
      expect(manager.getState('fan')).toBe('started');
    });
  });

  describe('when the new version fails in start', () => {
    it('should roll back to the old version and say so in the report', async () => {
      edit(plugin({ mark: 'v2', failStart: true }));
      const report: FileReloadReport = await manager.reload('core-greeter');
      expect(report.rolledBack).toBe(true);
      expect(report.error).toMatchObject({ code: 'TRELLIS_PLUGIN_LOAD', phase: 'start' });
      expect(report.reloaded).toEqual(['core-greeter', 'fan']);
      expect(greet()).toEqual(['v1', 'fan@1.0.0']);
    });
  });

  describe('when dispatches run during a reload', () => {
    it('should always find exactly one version answering', async () => {
      edit(plugin({ mark: 'v2' }));
      const seen: string[][] = [];
      let running = true;
      const loop = (async () => {
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by the test body
        while (running) {
          seen.push(greet());
          await Promise.resolve();
          await new Promise<void>((done) => setImmediate(done));
        }
      })();
      await manager.reload('core-greeter');
      running = false;
      await loop;
      const greeterAnswers = seen.map(
        (result) => result.filter((mark) => mark === 'v1' || mark === 'v2').length,
      );
      expect(greeterAnswers.every((count) => count === 1)).toBe(true);
      expect(greet()).toEqual(['v2', 'fan@1.0.0']);
    });
  });
});

describe('PluginManager.reload (invalid metadata and concurrent calls)', () => {
  let temp: ReturnType<typeof tempDir>;
  let manager: PluginManager;
  let file: string;
  beforeEach(async () => {
    temp = tempDir();
    manager = new PluginManager({ logger: false });
    file = write(join(temp.dir, 'solo.plugin.mjs'), pluginSource({ name: 'solo', mark: 'v1' }));
    await manager.discoverPlugins(temp.dir);
    await manager.start();
  });
  afterEach(async () => {
    await manager.close();
    temp.remove();
  });

  describe('when the new version declares invalid metadata', () => {
    it('should reject and keep the running version', async () => {
      writeFileSync(file, pluginSource({ name: 'solo', version: 'not-semver', mark: 'v2' }));
      jest.resetModules();
      await expect(manager.reload('solo')).rejects.toBeInstanceOf(TrellisError);
      expect(manager.trigger('greet', [] as string[])).toEqual(['v1']);
      expect(manager.getState('solo')).toBe('started');
    });
  });

  describe('when two reloads are asked at once', () => {
    it('should run them one after the other', async () => {
      writeFileSync(file, pluginSource({ name: 'solo', mark: 'v2' }));
      jest.resetModules();
      const reports = await Promise.all([manager.reload('solo'), manager.reload('solo')]);
      expect(reports.map((report) => report.reloaded)).toEqual([['solo'], ['solo']]);
      expect(manager.trigger('greet', [] as string[])).toEqual(['v2']);
    });
  });
});
