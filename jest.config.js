/**
 * One Jest project per package. Tests run as native ESM (Jest's VM modules), TypeScript is
 * transformed by SWC with legacy decorators and decorator metadata, and workspace packages resolve
 * to their sources through the `@trellis/source` export condition, so no build is needed first.
 */
import { readdirSync, existsSync } from 'node:fs';

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const roots = ['packages', 'apps']
  .flatMap((dir) =>
    existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true })
          .filter((entry) => entry.isDirectory() && existsSync(`${dir}/${entry.name}/package.json`))
          .map((entry) => `${dir}/${entry.name}`)
      : [],
  )
  .concat(existsSync('docs/package.json') ? ['docs'] : []);

/** @type {import('jest').Config} */
export default {
  projects: roots.map((root) => ({
    displayName: root.split('/').at(-1),
    rootDir: root,
    testEnvironment: 'node',
    testEnvironmentOptions: { customExportConditions: ['@trellis/source', 'node', 'default'] },
    extensionsToTreatAsEsm: ['.ts'],
    moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
    testMatch: ['<rootDir>/{src,test}/**/*.spec.ts'],
    transform: { '^.+\\.ts$': swc },
    moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  })),
};
