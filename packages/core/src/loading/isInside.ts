import { isAbsolute, relative, sep } from 'node:path';

/** Whether `path` is `root` or lies below it. Internal. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}
