/**
 * Plugin modules written into temporary folders. Jest (native ESM) cannot resolve `@trellis/core`
 * from /tmp, and it caches file contents by path, so fixtures take `definePlugin` from a global the
 * test sets (the same copy of core the test uses) and tests call `jest.resetModules()` after editing
 * a file (that clears Jest's file cache; under plain Node the cache-busting query is enough).
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { definePlugin, hook, plugin, PluginBase, TOKENS } from '../../src/index.js';

(globalThis as Record<string, unknown>).__trellisFixtures = {
  definePlugin,
  hook,
  plugin,
  PluginBase,
  TOKENS,
};

export interface PluginSpec {
  readonly name: string;
  readonly version?: string;
  readonly dependencies?: readonly string[];
  /** Appended by its `greet` hook, so a dispatch shows which version answered. */
  readonly mark?: string;
  readonly failInitialize?: boolean;
  readonly failStart?: boolean;
  readonly exportName?: string;
  /** Its `greet` hook appends its config value `word` instead of the mark. */
  readonly greetsWithConfig?: boolean;
}

/** The source of a module exporting one plugin built with `definePlugin`. */
export function pluginSource(spec: PluginSpec): string {
  const mark = spec.mark ?? `${spec.name}@${spec.version ?? '1.0.0'}`;
  const head = spec.exportName === undefined ? 'export default' : `export const ${spec.exportName} =`;
  const says = spec.greetsWithConfig === true ? "this.cfg.get('word', 'none')" : JSON.stringify(mark);
  return `const { definePlugin, TOKENS } = globalThis.__trellisFixtures;
${head} definePlugin({
  name: ${JSON.stringify(spec.name)},
  version: ${JSON.stringify(spec.version ?? '1.0.0')},
  dependencies: ${JSON.stringify(spec.dependencies ?? [])},
  ${spec.greetsWithConfig === true ? "config: { word: { type: 'string' } }, inject: { cfg: TOKENS.Config }," : ''}
  hooks: [{ on: 'greet', handler(value) { return [...value, ${says}]; } }],
  initialize() { ${spec.failInitialize === true ? "throw new Error('initialize broke');" : ''} },
  start() { ${spec.failStart === true ? "throw new Error('start broke');" : ''} },
});
`;
}

/** A fresh temporary folder (real path) and its cleanup. */
export function tempDir(prefix = 'trellis-loading-'): { dir: string; remove: () => void } {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  return {
    dir,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writes a file, creating its folders. */
export function write(file: string, text: string): string {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}
