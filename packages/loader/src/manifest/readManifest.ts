import { realpath, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ManifestError } from '../errors/ManifestError.js';
import { isInside } from '../files/isInside.js';
import { parseJson } from '../files/parseJson.js';
import { ManifestValidator } from './ManifestValidator.js';
import type { ManifestInfo } from './PluginManifest.js';

/** Options of {@link readManifest}. */
export interface ReadManifestOptions {
  /** A validator to reuse across many folders (compiling the schema once). */
  readonly validator?: ManifestValidator | undefined;
}

/**
 * Reads and validates `dir/plugin.json` without importing any code. Rejects with `ManifestError`:
 * `TRELLIS_MANIFEST_INVALID` (malformed JSON with line and column; every schema problem with its
 * JSON path; a missing `main`), or `TRELLIS_MANIFEST_MAIN_ESCAPES` when `main` (or a link it goes
 * through) leaves the folder.
 *
 * @example
 * ```ts
 * const { manifest, mainPath } = await readManifest('./plugins/auth');
 * ```
 */
export async function readManifest(dir: string, options: ReadManifestOptions = {}): Promise<ManifestInfo> {
  const folder = resolve(dir);
  const file = join(folder, 'plugin.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new ManifestError(`Plugin manifest '${file}' cannot be read: create it or check its permissions.`, {
      code: ManifestError.INVALID,
      file,
      cause,
    });
  }
  const parsed = parseJson(text);
  if ('problem' in parsed) {
    const { line, column, message } = parsed.problem;
    const where = line === undefined ? '' : `:${String(line)}:${String(column)}`;
    throw new ManifestError(`Plugin manifest '${file}${where}' is not valid JSON: ${message}.`, {
      code: ManifestError.INVALID,
      file,
      line,
      column,
    });
  }
  const validator = options.validator ?? new ManifestValidator();
  const manifest = parsed.value;
  if (!validator.isValid(manifest)) {
    const problems = validator.problems(manifest);
    const list = problems.map((problem) => `  ${problem.jsonPath}: ${problem.message}`).join('\n');
    throw new ManifestError(
      `Plugin manifest '${file}' is invalid (see schema/plugin.schema.json of @trellis/loader):\n${list}`,
      { code: ManifestError.INVALID, file, jsonPath: problems[0]?.jsonPath },
    );
  }
  const main = manifest.main ?? 'index.js';
  const mainPath = resolve(folder, main);
  const escapes = (): ManifestError =>
    new ManifestError(
      `Plugin manifest '${file}': main '${main}' points outside the plugin folder '${folder}'; a plugin may only load code from its own folder.`,
      { code: ManifestError.MAIN_ESCAPES, file, jsonPath: '$.main' },
    );
  if (!isInside(folder, mainPath)) throw escapes();
  let realMain: string;
  try {
    realMain = await realpath(mainPath);
  } catch (cause) {
    throw new ManifestError(`Plugin manifest '${file}': main '${main}' does not exist in '${folder}'.`, {
      code: ManifestError.INVALID,
      file,
      jsonPath: '$.main',
      cause,
    });
  }
  if (!isInside(await realpath(folder), realMain)) throw escapes();
  return { dir: folder, file, manifest, mainPath, exportName: manifest.export ?? 'default' };
}
