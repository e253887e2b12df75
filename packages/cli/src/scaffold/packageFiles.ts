import { TRELLIS_VERSION } from '@trellis/core';
import type { PluginType } from './PLUGIN_TYPES.js';
import { pluginSource, type TemplateNames } from './pluginSource.js';
import { pluginTest } from './pluginTest.js';

/** How a new package refers to the Trellis packages: registry ranges, or `file:` links to a checkout. */
export type TrellisReferences = (name: '@trellis/core' | '@trellis/testing' | '@trellis/cli') => string;

/** Every file of a new plugin package, by relative path. */
export function packageFiles(
  type: PluginType,
  names: TemplateNames,
  reference: TrellisReferences = () => `^${TRELLIS_VERSION}`,
): Record<string, string> {
  const packageJson = {
    name: names.name,
    version: '0.1.0',
    description: `A Trellis ${type === 'basic' ? '' : `${type} `}plugin`,
    type: 'module',
    exports: { '.': { types: './dist/src/index.d.ts', default: './dist/src/index.js' } },
    files: ['dist/src'],
    scripts: {
      build: 'tsc -p tsconfig.json',
      test: 'tsc -p tsconfig.json && node --test dist/test/',
      start: 'tsc -p tsconfig.json && trellis start',
    },
    trellis: { plugins: ['./dist/src/index.js'] },
    peerDependencies: { '@trellis/core': `^${TRELLIS_VERSION}` },
    devDependencies: {
      '@trellis/cli': reference('@trellis/cli'),
      '@trellis/core': reference('@trellis/core'),
      '@trellis/testing': reference('@trellis/testing'),
      '@types/node': '^20.19.0',
      typescript: '^6.0.3',
    },
  };
  const tsconfig = {
    compilerOptions: {
      target: 'ES2023',
      lib: ['ES2023', 'ESNext.Disposable'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      types: ['node'],
      strict: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      declaration: true,
      skipLibCheck: true,
      outDir: 'dist',
      rootDir: '.',
    },
    include: ['src', 'test'],
  };
  return {
    'package.json': `${JSON.stringify(packageJson, null, 2)}\n`,
    'tsconfig.json': `${JSON.stringify(tsconfig, null, 2)}\n`,
    '.gitignore': 'node_modules/\ndist/\n',
    'trellis.config.yaml': HOST_CONFIG,
    'src/index.ts': pluginSource(type, names),
    'test/plugin.test.ts': pluginTest(type, names),
    'README.md': readme(type, names),
  };
}

// A host config for trying the plugin with `npm start` (trellis start adds HTTP, health, metrics, admin).
const HOST_CONFIG = `# \`npm start\` runs this plugin in a host: trellis start reads this file.
plugins:
  directories:
    - path: ./dist/src
      pattern: index.js
  packages: false
`;

function readme(type: PluginType, names: TemplateNames): string {
  return `# ${names.name}

A Trellis ${type} plugin (\`${names.className}\` in \`src/index.ts\`).

\`\`\`sh
npm install
npm test    # compiles, then runs the plugin contract and the plugin's own test
npm start   # runs it in a host with HTTP, health, metrics and the admin dashboard (PORT, default 3000)
\`\`\`

A host registers it with \`manager.register(${names.className})\`, or finds it as a dependency
through the \`"trellis": { "plugins": [...] }\` field of this package.json.
`;
}
