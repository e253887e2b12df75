import { UriError } from '../errors/UriError.js';
import type { PluginUri } from './PluginUri.js';

const EXPORT_NAME = /^[A-Za-z_$][\w$]*$/;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/**
 * Parses `"./plugins/auth.js#AuthPlugin"`, `"@acme/cors#cors"`, `"pkg/sub#default"` or `"pkg"` (the
 * module namespace). Throws `UriError` `TRELLIS_URI_MALFORMED` for an empty URI, white space, more
 * than one `#`, an empty or non-identifier export, or a scheme other than `file:`.
 */
export function parseUri(uri: unknown): PluginUri {
  const fail = (why: string): UriError =>
    new UriError(
      `Plugin URI ${JSON.stringify(uri)} is malformed: ${why}. Write "<module>#<export>", e.g. "./plugins/auth.js#AuthPlugin" or "@acme/cors#cors".`,
      { code: UriError.MALFORMED, uri: String(uri) },
    );
  if (typeof uri !== 'string') throw fail('it is not a string');
  if (uri.trim() === '') throw fail('it is empty');
  if (/\s/.test(uri)) throw fail('it contains white space');
  const parts = uri.split('#');
  if (parts.length > 2) throw fail("it contains more than one '#'");
  const specifier = parts[0] ?? '';
  const exportName = parts[1];
  if (specifier === '') throw fail("the module before '#' is empty");
  if (exportName !== undefined && !EXPORT_NAME.test(exportName))
    throw fail(`'${exportName}' after '#' is not an export name`);
  const scheme = SCHEME.exec(specifier)?.[1];
  if (scheme !== undefined && scheme.length > 1 && scheme.toLowerCase() !== 'file')
    throw fail(`the scheme '${scheme}:' is not supported (only paths, packages and file: URLs)`);
  return { uri, specifier, exportName };
}
