import { relative } from 'node:path';
import type { PluginManager } from '@trellis/core';

/** Where a plugin came from, for people: a path relative to the host (with the export), or `code`. */
export function describeSource(manager: PluginManager, name: string, cwd: string): string {
  const source = manager.getPluginSource(name);
  if (source === undefined) return 'code';
  if (source.manifest !== null) return relative(cwd, source.manifest);
  const file = relative(cwd, source.file);
  return source.exportName === 'default' ? file : `${file}#${source.exportName}`;
}
