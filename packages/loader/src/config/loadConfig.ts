import { stat, readFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { ConfigFileError } from '../errors/ConfigFileError.js';
import type { LoaderWarning, WarningListener } from '../errors/LoaderWarning.js';
import { LoaderError } from '../errors/LoaderError.js';
import { importModule } from '../modules/importModule.js';
import { closestKey } from './closestKey.js';
import { CONFIG_FILE_NAMES } from './CONFIG_FILE_NAMES.js';
import { ConfigValidator } from './ConfigValidator.js';
import { interpolateEnv } from './interpolateEnv.js';
import { parseConfigText, type ConfigFormat } from './parseConfigText.js';
import type { TrellisConfig } from './TrellisConfig.js';

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /** The host's folder, searched for `trellis.config.*`. Default `process.cwd()`. */
  readonly cwd?: string | undefined;
  /** A config file to read (relative to `cwd`) instead of searching; it must exist. */
  readonly file?: string | undefined;
  /** Variables for `${VAR}` interpolation. Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
  /** Extra top-level keys to accept silently (used by other packages). */
  readonly knownKeys?: readonly string[] | undefined;
  /** Receives each warning as it is found (they are also returned). */
  readonly onWarning?: WarningListener | undefined;
  /**
   * Cache-busting token for `.mjs`/`.js` config files (read again after an edit). Default: the file's
   * modification time.
   */
  readonly version?: string | number | undefined;
}

/** What {@link loadConfig} found. */
export interface LoadedConfig {
  /** The file read (absolute), or `undefined` when there is none. */
  readonly file: string | undefined;
  /** Its format. */
  readonly format: ConfigFormat | undefined;
  /** The validated, interpolated content (`{}` without a file). */
  readonly config: TrellisConfig;
  /** Warnings: unknown keys (with the closest known key), a world-writable file, several files. */
  readonly warnings: readonly LoaderWarning[];
}

const FORMATS: Readonly<Record<string, ConfigFormat>> = {
  '.json': 'json',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.toml': 'toml',
  '.mjs': 'module',
  '.js': 'module',
  '.cjs': 'module',
};

/**
 * Reads the host's config file: `trellis.config.{json,yaml,yml,toml,mjs,js}` in `cwd` (the first
 * found), or `file`. Data formats are parsed with `yaml` / `smol-toml` / `JSON.parse` and their
 * strings interpolated (`${VAR}`, `${VAR:-default}`); a module's default export (an object, or a
 * function returning one) is used as it is. Rejects with `ConfigFileError`; warns about unknown
 * top-level keys and world-writable files.
 *
 * @example
 * ```ts
 * const { config, warnings } = await loadConfig({ cwd: process.cwd() });
 * ```
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const warnings: LoaderWarning[] = [];
  const warn = (warning: LoaderWarning): void => {
    warnings.push(warning);
    options.onWarning?.(warning);
  };
  const file = await findConfigFile(cwd, options.file, warn);
  if (file === undefined) return { file: undefined, format: undefined, config: {}, warnings };
  const format = FORMATS[extname(file).toLowerCase()];
  if (format === undefined) {
    throw new ConfigFileError(
      `Config file '${file}' has an unknown extension; use .json, .yaml, .yml, .toml, .mjs or .js.`,
      { code: ConfigFileError.INVALID, file },
    );
  }
  const info = await stat(file);
  if (process.platform !== 'win32' && (info.mode & 0o002) !== 0) {
    warn({
      code: 'TRELLIS_CONFIG_WORLD_WRITABLE',
      file,
      message: `Config file '${file}' is writable by every user of this machine, who could change which code the host loads; run chmod o-w on it.`,
    });
  }
  const raw =
    format === 'module'
      ? await readModuleConfig(file, options.version ?? info.mtimeMs)
      : interpolateEnv(
          parseConfigText(await readFile(file, 'utf8'), format, file),
          options.env ?? process.env,
          file,
        );
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigFileError(`Config file '${file}' must hold an object at its top level.`, {
      code: ConfigFileError.INVALID,
      file,
      jsonPath: '$',
    });
  }
  const validator = new ConfigValidator();
  const problems = validator.problems(raw);
  if (problems.length > 0) {
    const list = problems.map((problem) => `  ${problem.jsonPath}: ${problem.message}`).join('\n');
    throw new ConfigFileError(
      `Config file '${file}' is invalid (see schema/trellis.config.schema.json):\n${list}`,
      {
        code: ConfigFileError.INVALID,
        file,
        jsonPath: problems[0]?.jsonPath,
      },
    );
  }
  const known = [...validator.knownKeys, ...(options.knownKeys ?? [])];
  for (const key of Object.keys(raw)) {
    if (key === '$schema' || known.includes(key)) continue;
    const suggestion = closestKey(key, known);
    warn({
      code: 'TRELLIS_CONFIG_UNKNOWN_KEY',
      file,
      message: `Config file '${file}': unknown top-level key '${key}'${suggestion === undefined ? '' : ` (did you mean '${suggestion}'?)`}; plugin sections go under 'config'. Known keys: ${known.join(', ')}.`,
    });
  }
  return { file, format, config: raw as TrellisConfig, warnings };
}

async function findConfigFile(
  cwd: string,
  given: string | undefined,
  warn: WarningListener,
): Promise<string | undefined> {
  if (given !== undefined) {
    const file = resolve(cwd, given);
    if (!(await isFile(file))) {
      throw new ConfigFileError(`Config file '${file}' does not exist; create it or correct the path.`, {
        code: ConfigFileError.NOT_FOUND,
        file,
      });
    }
    return file;
  }
  const found: string[] = [];
  for (const name of CONFIG_FILE_NAMES) {
    const file = join(cwd, name);
    if (await isFile(file)) found.push(file);
  }
  const first = found[0];
  if (first !== undefined && found.length > 1) {
    warn({
      code: 'TRELLIS_CONFIG_AMBIGUOUS',
      file: first,
      message: `Several config files in '${cwd}' (${found.map((file) => basename(file)).join(', ')}); '${basename(first)}' is used. Keep one.`,
    });
  }
  return first;
}

async function readModuleConfig(file: string, version: string | number): Promise<unknown> {
  let namespace: Record<string, unknown>;
  try {
    namespace = await importModule(file, { version });
  } catch (error) {
    const cause = error instanceof LoaderError ? error.cause : error;
    throw new ConfigFileError(`Config file '${file}' could not be imported: ${String(cause)}.`, {
      code: ConfigFileError.PARSE,
      file,
      cause,
    });
  }
  const exported = namespace.default;
  try {
    return typeof exported === 'function' ? await (exported as () => unknown)() : exported;
  } catch (cause) {
    throw new ConfigFileError(`Config file '${file}': its default export threw: ${String(cause)}.`, {
      code: ConfigFileError.PARSE,
      file,
      cause,
    });
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
