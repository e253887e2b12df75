import { pathToFileURL } from 'node:url';
import { LoaderError } from '../errors/LoaderError.js';

/** Options of {@link importModule}. */
export interface ImportModuleOptions {
  /**
   * A cache-busting token: the module is imported as `file.js?v=<version>`, a new module instance
   * (its own imports stay cached). ESM keeps every instance until the process exits.
   */
  readonly version?: string | number | undefined;
}

/**
 * Imports a module by absolute path and resolves to its namespace. A module that cannot be imported
 * (syntax error, a throw at top level, a missing import) rejects with `LoaderError`
 * `TRELLIS_MODULE_IMPORT` naming the file; `cause` is the original error.
 */
export async function importModule(
  file: string,
  options: ImportModuleOptions = {},
): Promise<Record<string, unknown>> {
  const url = pathToFileURL(file);
  if (options.version !== undefined) url.search = `v=${encodeURIComponent(String(options.version))}`;
  try {
    return (await import(url.href)) as Record<string, unknown>;
  } catch (cause) {
    throw new LoaderError(
      `Module '${file}' could not be imported: ${describe(cause)}. Fix the module (its syntax, its top-level code or its imports) and load it again.`,
      { code: 'TRELLIS_MODULE_IMPORT', file, cause },
    );
  }
}

function describe(cause: unknown): string {
  try {
    return cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  } catch {
    return 'an unprintable error';
  }
}
