import { readFile, realpath } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { LoaderError } from '../errors/LoaderError.js';
import { isInside } from '../files/isInside.js';
import { parseJson } from '../files/parseJson.js';
import type { DiscoveredPackage } from './DiscoveredPackage.js';

/** Options of {@link discoverPackages}. */
export interface DiscoverPackagesOptions {
  /** The host's folder, holding its `package.json`. Default `process.cwd()`. */
  readonly cwd?: string | undefined;
  /** Only these dependencies (by name); default every dependency and optional dependency. */
  readonly only?: readonly string[] | undefined;
  /** Look at `devDependencies` too. Default `false`. */
  readonly includeDev?: boolean | undefined;
}

const hasOwn = (value: object, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key);

/**
 * Lists the host's installed dependencies whose `package.json` has a `"trellis": { "plugins": [...] }`
 * field, in the order the host's `package.json` lists them. Nothing is imported. A host without a
 * `package.json` has none. Rejects with `LoaderError` `TRELLIS_PACKAGE_INVALID` when a package's field
 * is malformed or names a file outside the package or missing.
 */
export async function discoverPackages(options: DiscoverPackagesOptions = {}): Promise<DiscoveredPackage[]> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const host = await readJsonObject(join(cwd, 'package.json'));
  if (host === undefined) return [];
  const fields = [
    'dependencies',
    'optionalDependencies',
    ...(options.includeDev === true ? ['devDependencies'] : []),
  ];
  const names: string[] = [];
  for (const field of fields) {
    const deps = host[field];
    if (typeof deps !== 'object' || deps === null) continue;
    for (const name of Object.keys(deps)) if (!names.includes(name)) names.push(name);
  }
  const found: DiscoveredPackage[] = [];
  for (const name of names) {
    if (options.only !== undefined && !options.only.includes(name)) continue;
    const located = await locate(cwd, name);
    if (located === undefined) continue;
    const declared = located.json.trellis;
    if (declared === undefined) continue;
    found.push(await describePackage(name, located.dir, located.json, declared));
  }
  return found;
}

async function describePackage(
  name: string,
  dir: string,
  json: Record<string, unknown>,
  declared: unknown,
): Promise<DiscoveredPackage> {
  const file = join(dir, 'package.json');
  const plugins =
    typeof declared === 'object' && declared !== null && hasOwn(declared, 'plugins')
      ? (declared as { plugins: unknown }).plugins
      : undefined;
  if (!Array.isArray(plugins) || !plugins.every((entry) => typeof entry === 'string' && entry !== '')) {
    throw new LoaderError(
      `Package '${name}' (${file}): "trellis.plugins" must be an array of paths relative to the package, e.g. ["./dist/plugin.js"].`,
      { code: 'TRELLIS_PACKAGE_INVALID', file, jsonPath: '$.trellis.plugins' },
    );
  }
  const realDir = await realpath(dir);
  const paths: string[] = [];
  for (const [index, entry] of (plugins as string[]).entries()) {
    const path = resolve(dir, entry);
    let real: string | undefined;
    try {
      real = await realpath(path);
    } catch {
      real = undefined;
    }
    if (real === undefined || !isInside(realDir, real)) {
      const why = real === undefined ? 'does not exist' : 'is outside the package';
      throw new LoaderError(
        `Package '${name}' (${file}): plugin module '${entry}' ${why}; list files inside the package (build it first if it points to dist/).`,
        { code: 'TRELLIS_PACKAGE_INVALID', file, jsonPath: `$.trellis.plugins[${String(index)}]` },
      );
    }
    paths.push(path);
  }
  const version = typeof json.version === 'string' ? json.version : undefined;
  return { name, version, dir, plugins: paths };
}

/** Finds `node_modules/<name>` walking up from `cwd`, as Node does. */
async function locate(
  cwd: string,
  name: string,
): Promise<{ dir: string; json: Record<string, unknown> } | undefined> {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    const json = await readJsonObject(join(candidate, 'package.json'));
    if (json !== undefined) return { dir: candidate, json };
    if (dirname(dir) === dir) return undefined;
  }
}

async function readJsonObject(file: string): Promise<Record<string, unknown> | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const parsed = parseJson(text);
  if ('problem' in parsed) {
    const { line, column, message } = parsed.problem;
    throw new LoaderError(`'${file}' is not valid JSON: ${message}.`, {
      code: 'TRELLIS_PACKAGE_INVALID',
      file,
      line,
      column,
    });
  }
  const value = parsed.value;
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
