// Module hooks for a plain Node child process running the workspace's TypeScript sources: `.ts` files
// are compiled by SWC (legacy decorators and metadata, as Jest does), and a relative `./x.js` import
// that does not exist resolves to `./x.ts`. Used by realNodeReload.spec.ts only.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const swc = require('@swc/core');

export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (specifier.endsWith('.js') && (specifier.startsWith('.') || specifier.startsWith('/'))) {
      return next(`${specifier.slice(0, -3)}.ts`, context);
    }
    throw error;
  }
}

export async function load(url, context, next) {
  const path = url.split('?')[0];
  if (!path.endsWith('.ts')) return next(url, context);
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
  });
  return { format: 'module', source: code, shortCircuit: true };
}
