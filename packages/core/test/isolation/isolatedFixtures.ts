/**
 * Isolated plugin modules written into a temporary folder inside packages/core, so that the worker
 * or child process resolves `@trellis/core` (the package's own name, to its built dist). In the
 * host (Jest) the module takes core from the global the loading fixtures set.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import '../loading/fixtures.js';

const here = fileURLToPath(new URL('.', import.meta.url));

/** What the generated plugin declares. */
export interface IsolatedSpec {
  readonly name: string;
  readonly isolation?: 'worker' | 'process';
  readonly limits?: Readonly<Record<string, number>>;
  readonly restart?: { maxRestarts: number; windowMs: number };
  readonly permissions?: readonly string[];
  readonly dependencies?: readonly string[];
  /** Body of its initialize (JS). */
  readonly initialize?: string;
  /** Body of its stop (JS). */
  readonly stop?: string;
  readonly provides?: boolean;
  /** No hooks (a plain in-process dependent). */
  readonly bare?: boolean;
  /** What its `greet` hook appends before `:<word>` (default `iso`): tells versions apart. */
  readonly mark?: string;
}

/** The source of a plugin module with one hook per behaviour under test. */
export function isolatedSource(spec: IsolatedSpec): string {
  const meta = {
    name: spec.name,
    version: '1.0.0',
    ...(spec.isolation === undefined ? {} : { isolation: spec.isolation }),
    ...(spec.limits === undefined ? {} : { limits: spec.limits }),
    ...(spec.restart === undefined ? {} : { restart: spec.restart }),
    ...(spec.permissions === undefined ? {} : { permissions: spec.permissions }),
    dependencies: spec.dependencies ?? [],
  };
  return `import { readFileSync } from 'node:fs';
const MARK = ${JSON.stringify(spec.mark ?? 'iso')};
const { definePlugin, TOKENS } = globalThis.__trellisFixtures ?? (await import('@trellis/core'));
export default definePlugin({
  ...${JSON.stringify(meta)},
  ${spec.provides === true ? "provides: [{ token: Symbol.for('iso.token'), useValue: 1 }]," : ''}
  config: { word: { type: 'string', default: 'none' } },
  inject: { cfg: TOKENS.Config, log: TOKENS.Logger },
  hooks: ${spec.bare === true ? '[]' : 'HOOKS'},
  initialize() { ${spec.initialize ?? ''} },
  stop() { ${spec.stop ?? ''} },
});
`.replace(
    'HOOKS',
    `[
    { on: 'greet', priority: 60, handler(value) { this.log.info({ word: this.cfg.get('word') }, 'greeting from the inside'); return [...value, MARK + ':' + this.cfg.get('word')]; } },
    { on: 'stopper', handler(value, ctx) { ctx.stop([...value, 'stopped']); } },
    { on: 'throws', handler() { throw new Error('plain failure'); } },
    { on: 'crash', handler() { setTimeout(() => { throw new Error('boom'); }); return new Promise(() => {}); } },
    { on: 'exit', handler() { process.exit(3); } },
    { on: 'hang', timeout: 300, handler() { for (;;) {} } },
    { on: 'never', timeout: 300, handler() { return new Promise(() => {}); } },
    { on: 'oom', handler() { const keep = []; for (;;) keep.push(new Array(100000).fill(Math.random())); } },
    { on: 'env', handler() { return process.env.TRELLIS_TEST_SECRET ?? null; } },
    { on: 'spawn', async handler() { const { execFileSync } = await import('node:child_process'); execFileSync(process.execPath, ['-e', '0']); return 'ran'; } },
    { on: 'host', handler() { return typeof globalThis.__trellisFixtures; } },
    { on: 'read', handler(path) { return readFileSync(path, 'utf8').length; } },
    { on: 'echo', handler(value) { return value; } },
    { on: 'large', handler(size) { return 'y'.repeat(size); } },
    { on: 'uncloneable', handler() { return { run() {} }; } },
  ]`,
  );
}

/** A fresh folder inside packages/core/test/isolation, with a writer and its cleanup. */
export function isolatedDir(): {
  dir: string;
  write: (spec: IsolatedSpec, file?: string) => string;
  remove: () => void;
} {
  mkdirSync(join(here, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(here, '.tmp', 'iso-'));
  return {
    dir,
    write: (spec, file = `${spec.name}.plugin.mjs`) => {
      const path = join(dir, file);
      writeFileSync(path, isolatedSource(spec));
      return path;
    },
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
