import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  ConfigFileError,
  discoverPackages,
  loadConfig,
  loadFromUri,
  mergeGroups,
  readManifest,
  scanDirectory,
  UriError,
  watchFiles,
  type LoaderWarning,
} from '../src/index.js';

let dir: string;
const write = (path: string, text: string): string => {
  const file = join(dir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
};
beforeEach(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'trellis-loader-')));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('scanDirectory', () => {
  describe('when folders are nested', () => {
    it('should list matching modules and plugin folders without importing', async () => {
      write('a.plugin.mjs', 'throw new Error("never imported")');
      write('deep/er/b.plugin.js', '');
      write('deep/skip.js', '');
      write('node_modules/x/c.plugin.js', '');
      write('folder/plugin.json', '{}');
      write('folder/inner.plugin.js', '');
      const result = await scanDirectory(dir, { pattern: '*.plugin.{js,mjs}' });
      expect(result.modules).toEqual([join(dir, 'a.plugin.mjs'), join(dir, 'deep/er/b.plugin.js')]);
      expect(result.folders).toEqual([join(dir, 'folder')]);
    });
  });

  describe('when a pattern holds a slash or recursion is off', () => {
    it('should match paths relative to the root and stay at the top, plugin folders included', async () => {
      write('a.plugin.js', '');
      write('lib/b.plugin.js', '');
      write('lib/deep/c.plugin.js', '');
      write('folder/plugin.json', '{}');
      expect((await scanDirectory(dir, { pattern: 'lib/*.plugin.js' })).modules).toEqual([
        join(dir, 'lib/b.plugin.js'),
      ]);
      const top = await scanDirectory(dir, { pattern: '*.plugin.js', recursive: false });
      expect(top.modules).toEqual([join(dir, 'a.plugin.js')]);
      expect(top.folders).toEqual([join(dir, 'folder')]);
    });
  });

  describe('when the directory is missing', () => {
    it('should throw TRELLIS_DIRECTORY_NOT_FOUND', async () => {
      await expect(scanDirectory(join(dir, 'missing'))).rejects.toMatchObject({
        code: 'TRELLIS_DIRECTORY_NOT_FOUND',
      });
    });
  });
});

describe('readManifest', () => {
  describe('when fields are missing or wrong', () => {
    it('should name the file and every JSON path', async () => {
      write('p/plugin.json', JSON.stringify({ version: '1.x', dependencies: { auth: 'not a range!' } }));
      const error = await readManifest(join(dir, 'p')).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'TRELLIS_MANIFEST_INVALID', file: join(dir, 'p/plugin.json') });
      const message = (error as Error).message;
      expect(message).toContain("$: missing required field 'name'");
      expect(message).toContain('$.version: is not a semantic version');
      expect(message).toContain('$.dependencies.auth: is not a valid semver range');
    });
  });

  describe('when the JSON is malformed', () => {
    it('should give line and column', async () => {
      write('p/plugin.json', '{\n  "name": "x",\n  "version": "1.0.0",,\n}');
      await expect(readManifest(join(dir, 'p'))).rejects.toMatchObject({
        code: 'TRELLIS_MANIFEST_INVALID',
        line: 3,
      });
    });
  });

  describe('when main escapes the folder', () => {
    it('should refuse it', async () => {
      write('outside.js', '');
      write('p/plugin.json', JSON.stringify({ name: 'p', version: '1.0.0', main: '../outside.js' }));
      await expect(readManifest(join(dir, 'p'))).rejects.toMatchObject({
        code: 'TRELLIS_MANIFEST_MAIN_ESCAPES',
        jsonPath: '$.main',
      });
    });
  });

  describe('when the manifest is valid', () => {
    it('should resolve main and export', async () => {
      write('p/lib/index.mjs', '');
      write(
        'p/plugin.json',
        JSON.stringify({ name: 'p', version: '1.0.0', main: 'lib/index.mjs', export: 'P' }),
      );
      expect(await readManifest(join(dir, 'p'))).toMatchObject({
        mainPath: join(dir, 'p/lib/index.mjs'),
        exportName: 'P',
      });
    });
  });
});

describe('loadFromUri', () => {
  describe('when the URI is malformed, the module missing or the export missing', () => {
    it('should raise three distinct errors', async () => {
      write('mod.mjs', 'export const a = 1;');
      const codes = await Promise.all(
        ['./mod.mjs#a#b', './missing.mjs#a', './mod.mjs#b'].map((uri) =>
          loadFromUri(uri, { cwd: dir }).catch((error: unknown) => (error as UriError).code),
        ),
      );
      expect(codes).toEqual([
        'TRELLIS_URI_MALFORMED',
        'TRELLIS_URI_MODULE_NOT_FOUND',
        'TRELLIS_URI_EXPORT_NOT_FOUND',
      ]);
    });
  });

  describe('when a package is installed in node_modules', () => {
    it('should resolve it through its exports map', async () => {
      write(
        'node_modules/@acme/cors/package.json',
        JSON.stringify({
          name: '@acme/cors',
          type: 'module',
          exports: { '.': './lib.js', './sub': './sub.js' },
        }),
      );
      write('node_modules/@acme/cors/lib.js', 'export const cors = () => "cors";');
      write('node_modules/@acme/cors/sub.js', 'export default 42;');
      const cors = (await loadFromUri('@acme/cors#cors', { cwd: dir })) as () => string;
      expect(cors()).toBe('cors');
      expect(await loadFromUri('@acme/cors/sub#default', { cwd: dir })).toBe(42);
    });
  });
});

describe('mergeGroups', () => {
  describe('when file and code groups overlap', () => {
    it('should keep file groups first, append code URIs and keep first places', () => {
      const merged = mergeGroups({ mw: ['a', 'b'] }, { extra: ['x'], mw: ['b', 'c', 'a'] });
      expect([...merged]).toEqual([
        ['mw', ['a', 'b', 'c']],
        ['extra', ['x']],
      ]);
    });
  });
});

describe('discoverPackages', () => {
  describe('when a dependency declares trellis plugins', () => {
    it('should list its plugin files', async () => {
      write('package.json', JSON.stringify({ dependencies: { 'fake-plugin': '1.0.0', plain: '1.0.0' } }));
      write(
        'node_modules/fake-plugin/package.json',
        JSON.stringify({ name: 'fake-plugin', version: '1.2.3', trellis: { plugins: ['./dist/p.js'] } }),
      );
      write('node_modules/fake-plugin/dist/p.js', '');
      write('node_modules/plain/package.json', JSON.stringify({ name: 'plain' }));
      expect(await discoverPackages({ cwd: dir })).toEqual([
        {
          name: 'fake-plugin',
          version: '1.2.3',
          dir: join(dir, 'node_modules/fake-plugin'),
          plugins: [join(dir, 'node_modules/fake-plugin/dist/p.js')],
        },
      ]);
    });

    it('should refuse a plugin path outside the package', async () => {
      write('package.json', JSON.stringify({ dependencies: { evil: '1.0.0' } }));
      write('secret.js', '');
      write(
        'node_modules/evil/package.json',
        JSON.stringify({ name: 'evil', trellis: { plugins: ['../../secret.js'] } }),
      );
      await expect(discoverPackages({ cwd: dir })).rejects.toMatchObject({ code: 'TRELLIS_PACKAGE_INVALID' });
    });
  });
});

describe('loadConfig', () => {
  describe('when a TOML file uses env references', () => {
    it('should interpolate values and defaults, coercing whole numbers', async () => {
      write(
        'trellis.config.toml',
        '[config.web]\nport = "${PORT:-8080}"\nhost = "${HOST}"\nurl = "http://${HOST}:${PORT:-8080}"\nliteral = "$${HOST}"\n',
      );
      const { config } = await loadConfig({ cwd: dir, env: { HOST: 'example.org' } });
      expect(config.config?.web).toEqual({
        port: 8080,
        host: 'example.org',
        url: 'http://example.org:8080',
        literal: '${HOST}',
      });
    });

    it('should reject a variable with no value and no default', async () => {
      write('trellis.config.toml', '[config.db]\npassword = "${DB_PASSWORD}"\n');
      await expect(loadConfig({ cwd: dir, env: {} })).rejects.toMatchObject({
        code: 'TRELLIS_CONFIG_ENV_MISSING',
        jsonPath: '$.config.db.password',
      });
    });
  });

  describe('when a file is malformed', () => {
    it.each([
      ['trellis.config.json', '{\n  "logLevel": "info",\n  oops\n}', 3],
      ['trellis.config.yaml', 'plugins:\n  directories: [a\nlogLevel: info\n', 3],
      ['trellis.config.toml', 'logLevel = "info"\n[plugins\n', 2],
    ])('should report %s with its line', async (name, text, line) => {
      write(name, text);
      const error = await loadConfig({ cwd: dir }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConfigFileError);
      expect(error).toMatchObject({ code: 'TRELLIS_CONFIG_PARSE', line });
    });
  });

  describe('when a value has the wrong shape', () => {
    it('should name its JSON path', async () => {
      write('trellis.config.yaml', 'plugins:\n  directories: 5\n');
      await expect(loadConfig({ cwd: dir })).rejects.toMatchObject({
        code: 'TRELLIS_CONFIG_INVALID',
        jsonPath: '$.plugins.directories',
      });
    });
  });

  describe('when a top-level key is unknown or the file is world-writable', () => {
    it('should warn and suggest the closest key', async () => {
      const file = write('trellis.config.json', JSON.stringify({ plugin: {}, logLevel: 'warn' }));
      chmodSync(file, 0o666);
      const warnings: LoaderWarning[] = [];
      await loadConfig({ cwd: dir, onWarning: (warning) => warnings.push(warning) });
      expect(warnings.map((warning) => warning.code).sort()).toEqual([
        'TRELLIS_CONFIG_UNKNOWN_KEY',
        'TRELLIS_CONFIG_WORLD_WRITABLE',
      ]);
      expect(warnings.find((warning) => warning.code === 'TRELLIS_CONFIG_UNKNOWN_KEY')?.message).toContain(
        "did you mean 'plugins'?",
      );
    });
  });

  describe('when several config files exist', () => {
    it('should use the first in CONFIG_FILE_NAMES order and warn', async () => {
      write('trellis.config.yaml', 'logLevel: debug\n');
      write('trellis.config.toml', 'logLevel = "warn"\n');
      const warnings: LoaderWarning[] = [];
      const loaded = await loadConfig({ cwd: dir, onWarning: (warning) => warnings.push(warning) });
      expect(loaded).toMatchObject({ format: 'yaml', config: { logLevel: 'debug' } });
      expect(warnings.map((warning) => warning.code)).toEqual(['TRELLIS_CONFIG_AMBIGUOUS']);
    });
  });

  describe('when a YAML value tries to smuggle code or structure through a variable', () => {
    it('should insert the text as it is', async () => {
      write('trellis.config.yml', 'config:\n  x:\n    v: "${EVIL}"\n');
      const evil = '"\nstrict: true\n${HOME}';
      const { config } = await loadConfig({ cwd: dir, env: { EVIL: evil, HOME: '/root' } });
      expect(config.config?.x).toEqual({ v: evil });
      expect(config.strict).toBeUndefined();
    });
  });

  describe('when there is no config file', () => {
    it('should return an empty config', async () => {
      expect(await loadConfig({ cwd: dir })).toEqual({
        file: undefined,
        format: undefined,
        config: {},
        warnings: [],
      });
    });
  });

  describe('when an explicit file is missing', () => {
    it('should reject with TRELLIS_CONFIG_NOT_FOUND', async () => {
      await expect(loadConfig({ cwd: dir, file: 'nope.yaml' })).rejects.toMatchObject({
        code: 'TRELLIS_CONFIG_NOT_FOUND',
      });
    });
  });
});

describe('watchFiles', () => {
  describe('when a file is saved several times in a burst', () => {
    it('should report one change', async () => {
      const file = write('watched.mjs', 'v0');
      const calls: string[][] = [];
      let done: () => void = () => undefined;
      const changed = new Promise<void>((resolve) => {
        done = resolve;
      });
      const watcher = watchFiles([file], {
        debounceMs: 50,
        onChange: (files) => {
          calls.push(files);
          done();
        },
      });
      await watcher.ready;
      writeFileSync(file, 'v1');
      writeFileSync(file, 'v2');
      writeFileSync(file, 'v3');
      await changed;
      await watcher.close();
      expect(calls).toEqual([[file]]);
    });
  });
});
