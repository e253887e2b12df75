/* global module -- CommonJS config file read by dependency-cruiser */
/**
 * Import rules checked by `pnpm lint` (`depcruise packages --config .dependency-cruiser.cjs`).
 * Type-only imports count (tsPreCompilationDeps), so a circle made of `import type` lines fails too.
 * See docs/architecture.md for the picture.
 */

/**
 * The folders of `@trellis/core`, bottom to top: a folder imports only from its own layer or the
 * layers below it. `src/*.ts` files (index.ts, version.ts) are outside the layers.
 */
const CORE_LAYERS = [
  ['errors', 'tokens', 'logging'],
  ['config'],
  ['context'],
  ['plugins'],
  ['model'],
  ['dependencies', 'container'],
  ['lifecycle'],
  ['loading'],
  ['manager'],
];

const CORE = '^packages/core/src/';

/** One rule per layer: nothing in it may import a folder of a higher layer. */
const layerRules = CORE_LAYERS.slice(0, -1).map((layer, index) => {
  const above = CORE_LAYERS.slice(index + 1).flat();
  return {
    name: `core-layer-${layer.join('-')}`,
    comment: `@trellis/core: ${layer.join('/, ')}/ may not import ${above.join('/, ')}/ (they sit above it).`,
    severity: 'error',
    from: { path: `${CORE}(${layer.join('|')})/` },
    to: { path: `${CORE}(${above.join('|')})/` },
  };
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import circle inside a package, type-only imports included.',
      severity: 'error',
      from: { path: '^packages/[^/]+/src/' },
      to: { circular: true },
    },
    {
      name: 'core-manager-is-the-facade',
      comment: '@trellis/core: only index.ts imports manager/ (the PluginManager facade).',
      severity: 'error',
      from: { path: CORE, pathNot: `${CORE}(index\\.ts$|manager/)` },
      to: { path: `${CORE}manager/` },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['/dist/', '/test/', '\\.spec\\.ts$', '\\.test-d\\.ts$'] },
    includeOnly: '^packages/[^/]+/src/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['@trellis/source', 'import', 'types', 'default'],
      extensions: ['.ts', '.js'],
    },
  },
};
