import { TRELLIS_VERSION } from '@trellis/core';
import type { PluginType } from './PLUGIN_TYPES.js';
import { pluginSource, type TemplateNames } from './pluginSource.js';
import { pluginTest } from './pluginTest.js';

/** Every file of a new plugin package, by relative path. */
export function packageFiles(type: PluginType, names: TemplateNames): Record<string, string> {
  const range = `^${TRELLIS_VERSION}`;
  const packageJson = {
    name: names.name,
    version: '0.1.0',
    description: `A Trellis ${type === 'basic' ? '' : `${type} `}plugin`,
    type: 'module',
    exports: { '.': { types: './dist/src/index.d.ts', default: './dist/src/index.js' } },
    files: ['dist/src'],
    scripts: { build: 'tsc -p tsconfig.json', test: 'tsc -p tsconfig.json && node --test dist/test/' },
    trellis: { plugins: ['./dist/src/index.js'] },
    peerDependencies: { '@trellis/core': range },
    devDependencies: {
      '@trellis/core': range,
      '@trellis/testing': range,
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
    'src/index.ts': pluginSource(type, names),
    'test/plugin.test.ts': pluginTest(type, names),
    'README.md': `# ${names.name}\n\nA Trellis ${type} plugin.\n\n\`\`\`sh\nnpm install\nnpm test   # compiles, then runs the plugin contract and its own test\n\`\`\`\n\nA host loads it with \`manager.register(${names.className})\`, or lists the package in its\n\`trellis.config.*\` (\`plugins.packages\`).\n`,
  };
}
