import { stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve as resolveEsm } from 'import-meta-resolve';
import { UriError } from '../errors/UriError.js';
import type { PluginUri } from './PluginUri.js';

/**
 * The absolute file a URI's module names, resolved from `cwd` as Node would (package `exports`
 * included). Rejects with `UriError` `TRELLIS_URI_MODULE_NOT_FOUND`. Internal.
 */
export async function resolveSpecifier(parsed: PluginUri, cwd: string): Promise<string> {
  const { specifier, uri } = parsed;
  const missing = (cause?: unknown): UriError =>
    new UriError(
      `Plugin URI '${uri}': module '${specifier}' cannot be found from '${cwd}'. Check the path (relative paths start with ./ and are resolved against the host's folder) or install the package.`,
      { code: UriError.MODULE_NOT_FOUND, uri, cause },
    );
  let file: string;
  if (specifier.startsWith('file:')) {
    try {
      file = fileURLToPath(specifier);
    } catch (cause) {
      throw missing(cause);
    }
  } else if (specifier.startsWith('.') || isAbsolute(specifier)) {
    file = resolve(cwd, specifier);
  } else {
    try {
      const url = resolveEsm(specifier, pathToFileURL(join(cwd, 'package.json')).href);
      if (!url.startsWith('file:')) throw new Error(`'${specifier}' is not a file module (${url})`);
      file = fileURLToPath(url);
    } catch (cause) {
      throw missing(cause);
    }
  }
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
  } catch (cause) {
    throw missing(cause);
  }
  return file;
}
