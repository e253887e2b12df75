// Module hooks for plain Node child processes that tests (and the bench) spawn on the workspace's
// TypeScript sources: `.ts` files are compiled by SWC with legacy decorators and metadata (the settings
// of jest.config.js), and a relative `./x.js` import that does not exist resolves to `./x.ts`. A query
// (a reload's cache-busting `?v=…`) is kept on the URL and ignored for the file.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const swc = require('@swc/core');

export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    const relative = specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('file:');
    if (specifier.endsWith('.js') && relative) return next(`${specifier.slice(0, -3)}.ts`, context);
    throw error;
  }
}

export async function load(url, context, next) {
  const path = url.split('?')[0];
  if (!path.startsWith('file:') || !path.endsWith('.ts')) return next(url, context);
  const file = new URL(path);
  const { code } = swc.transformSync(readFileSync(file, 'utf8'), {
    filename: file.pathname,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  });
  return { format: 'module', source: code, shortCircuit: true };
}
