import { resolve } from 'node:path';
import { UriError } from '../errors/UriError.js';
import { importModule } from '../modules/importModule.js';
import { parseUri } from './parseUri.js';
import { resolveSpecifier } from './resolveSpecifier.js';

/** Options of {@link loadFromUri}. */
export interface LoadFromUriOptions {
  /** Folder relative paths and packages are resolved from. Default `process.cwd()`. */
  readonly cwd?: string | undefined;
}

/** What {@link loadFromUriDetailed} resolves to. */
export interface LoadedUri {
  readonly uri: string;
  /** The module file (absolute). */
  readonly file: string;
  /** The export name, or `undefined` for the namespace. */
  readonly exportName: string | undefined;
  /** The export's value, or the module namespace. */
  readonly value: unknown;
}

/**
 * Imports what a URI names: `"./plugins/auth.js#AuthPlugin"` → the `AuthPlugin` export,
 * `"@acme/cors"` → the module namespace. Three distinct failures (`UriError`):
 * `TRELLIS_URI_MALFORMED`, `TRELLIS_URI_MODULE_NOT_FOUND`, `TRELLIS_URI_EXPORT_NOT_FOUND`; a module
 * that throws while importing rejects with `LoaderError` `TRELLIS_MODULE_IMPORT`.
 *
 * @example
 * ```ts
 * const cors = await loadFromUri('@acme/cors#cors', { cwd: hostDir });
 * ```
 */
export async function loadFromUri(uri: string, options: LoadFromUriOptions = {}): Promise<unknown> {
  return (await loadFromUriDetailed(uri, options)).value;
}

/** Like {@link loadFromUri}, with the file and export it came from. */
export async function loadFromUriDetailed(uri: string, options: LoadFromUriOptions = {}): Promise<LoadedUri> {
  const parsed = parseUri(uri);
  const cwd = resolve(options.cwd ?? process.cwd());
  const file = await resolveSpecifier(parsed, cwd);
  const namespace = await importModule(file);
  const exportName = parsed.exportName;
  if (exportName === undefined) return { uri, file, exportName, value: namespace };
  if (!Object.prototype.hasOwnProperty.call(namespace, exportName)) {
    const available = Object.keys(namespace);
    throw new UriError(
      `Plugin URI '${uri}': module '${file}' has no export '${exportName}' (it exports ${available.length === 0 ? 'nothing' : available.map((name) => `'${name}'`).join(', ')}). Correct the name after '#'.`,
      { code: UriError.EXPORT_NOT_FOUND, uri, file },
    );
  }
  return { uri, file, exportName, value: namespace[exportName] };
}
