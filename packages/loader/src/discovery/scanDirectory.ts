import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { Minimatch } from 'minimatch';
import { LoaderError } from '../errors/LoaderError.js';
import { isInside } from '../files/isInside.js';
import { defaultPluginPattern } from './defaultPluginPattern.js';
import type { ScanOptions } from './ScanOptions.js';
import type { ScanResult } from './ScanResult.js';

/** The file name that makes a folder one plugin. */
export const MANIFEST_FILE = 'plugin.json';

interface Walk {
  readonly root: string;
  readonly matchers: readonly { readonly matcher: Minimatch; readonly byPath: boolean }[];
  readonly recursive: boolean;
  readonly followSymlinks: boolean;
  readonly visited: Set<string>;
  readonly modules: string[];
  readonly folders: string[];
  readonly skipped: { path: string; reason: string }[];
}

/**
 * Finds plugin modules and plugin folders under `dir` without importing anything. Throws
 * `LoaderError` `TRELLIS_DIRECTORY_NOT_FOUND` when `dir` is not a directory.
 *
 * @example
 * ```ts
 * const { modules, folders } = await scanDirectory('./plugins', { recursive: true });
 * ```
 */
export async function scanDirectory(dir: string, options: ScanOptions = {}): Promise<ScanResult> {
  const given = resolve(dir);
  let root: string;
  try {
    root = await realpath(given);
    if (!(await stat(root)).isDirectory()) throw new Error('not a directory');
  } catch (cause) {
    throw new LoaderError(
      `Plugin directory '${given}' does not exist or is not a directory: create it or correct the path (relative paths are resolved against the working directory).`,
      { code: 'TRELLIS_DIRECTORY_NOT_FOUND', file: given, cause },
    );
  }
  const patterns = options.pattern ?? defaultPluginPattern();
  const walk: Walk = {
    root,
    matchers: (typeof patterns === 'string' ? [patterns] : patterns).map((pattern) => ({
      matcher: new Minimatch(pattern, { dot: false }),
      byPath: pattern.includes('/'),
    })),
    recursive: options.recursive ?? true,
    followSymlinks: options.followSymlinks ?? false,
    visited: new Set([root]),
    modules: [],
    folders: [],
    skipped: [],
  };
  await visit(walk, root, true, false);
  return { root, modules: walk.modules, folders: walk.folders, skipped: walk.skipped };
}

async function visit(walk: Walk, dir: string, isRoot: boolean, viaLink: boolean): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (!isRoot && entries.some((entry) => entry.name === MANIFEST_FILE && !entry.isDirectory())) {
    walk.folders.push(dir);
    return;
  }
  const subdirs: { path: string; link: boolean }[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const kind = await kindOf(walk, entry, path);
    if (kind === 'file') {
      if (!matches(walk, path, entry.name)) continue;
      // One module once, however many links lead to it (two URLs would make two module instances).
      const real = viaLink || entry.isSymbolicLink() ? await realpath(path) : path;
      if (walk.visited.has(real)) continue;
      walk.visited.add(real);
      walk.modules.push(path);
    } else if (kind === 'dir') {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      subdirs.push({ path, link: viaLink || entry.isSymbolicLink() });
    }
  }
  for (const sub of subdirs) {
    if (!walk.recursive && !(await holdsManifest(sub.path))) continue;
    const real = sub.link ? await realpath(sub.path) : sub.path;
    if (walk.visited.has(real)) continue; // a link back to a folder already walked
    walk.visited.add(real);
    await visit(walk, sub.path, false, sub.link);
  }
}

async function kindOf(walk: Walk, entry: Dirent, path: string): Promise<'file' | 'dir' | 'other'> {
  if (!entry.isSymbolicLink()) return entry.isFile() ? 'file' : entry.isDirectory() ? 'dir' : 'other';
  let target: string;
  try {
    target = await realpath(path);
  } catch {
    walk.skipped.push({ path, reason: 'broken symbolic link' });
    return 'other';
  }
  if (!walk.followSymlinks && !isInside(walk.root, target)) {
    walk.skipped.push({
      path,
      reason: `symbolic link to '${target}', outside the root (pass followSymlinks: true to follow it)`,
    });
    return 'other';
  }
  const info = await stat(target);
  return info.isFile() ? 'file' : info.isDirectory() ? 'dir' : 'other';
}

function matches(walk: Walk, path: string, name: string): boolean {
  const relPath = relative(walk.root, path).split(sep).join('/');
  return walk.matchers.some(({ matcher, byPath }) => matcher.match(byPath ? relPath : name));
}

async function holdsManifest(dir: string): Promise<boolean> {
  try {
    return (await stat(join(dir, MANIFEST_FILE))).isFile();
  } catch {
    return false;
  }
}
