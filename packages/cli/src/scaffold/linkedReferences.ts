import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError } from '../errors/CliError.js';
import type { TrellisReferences } from './packageFiles.js';

/**
 * `file:` references to the Trellis packages of the checkout this command runs from (the folder
 * holding `packages/core`, `packages/testing` and `packages/cli`), relative to `target`: for trying a
 * new plugin against a local build before the packages are installed from a registry.
 */
export function linkedReferences(target: string): TrellisReferences {
  // dist/scaffold/linkedReferences.js → packages/cli → packages
  const packages = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  const folder = (name: string): string => join(packages, name.replace('@trellis/', ''));
  for (const name of ['@trellis/core', '@trellis/testing', '@trellis/cli']) {
    if (!existsSync(join(folder(name), 'package.json'))) {
      throw new CliError(
        'TRELLIS_CLI_USAGE',
        `--link needs a Trellis checkout, but ${folder(name)} has no package.json`,
        'run the command from a built Trellis checkout (npm run setup), or leave out --link to use the registry',
      );
    }
  }
  return (name) => `file:${relative(target, folder(name))}`;
}
