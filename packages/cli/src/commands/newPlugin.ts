import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { PLUGIN_NAME_PATTERN } from '@trellis/core';
import { CliError } from '../errors/CliError.js';
import type { Output } from '../output/Output.js';
import { PLUGIN_TYPES, type PluginType } from '../scaffold/PLUGIN_TYPES.js';
import { linkedReferences } from '../scaffold/linkedReferences.js';
import { packageFiles } from '../scaffold/packageFiles.js';
import { toClassName } from '../scaffold/toClassName.js';

/** Options of `trellis new plugin`. */
export interface NewPluginOptions {
  readonly type: string;
  /** Target folder; default `./<name>`. */
  readonly dir?: string;
  /** Refer to the Trellis packages of this checkout with `file:` links instead of registry ranges. */
  readonly link?: boolean;
  readonly cwd: string;
}

/** Writes a plugin package with a passing test; refuses to write into a folder that has files. */
export async function newPlugin(name: string, options: NewPluginOptions, out: Output): Promise<number> {
  if (!PLUGIN_NAME_PATTERN.test(name)) {
    throw new CliError(
      'TRELLIS_CLI_USAGE',
      `'${name}' is not a valid plugin name`,
      'use letters, digits, dots, dashes and underscores, starting with a letter or digit (e.g. audit-log)',
    );
  }
  if (!(PLUGIN_TYPES as readonly string[]).includes(options.type)) {
    throw new CliError(
      'TRELLIS_CLI_USAGE',
      `unknown plugin type '${options.type}'`,
      `use --type with one of ${PLUGIN_TYPES.join(', ')}`,
    );
  }
  const type = options.type as PluginType;
  const target = resolve(options.cwd, options.dir ?? name);
  const existing = await readdir(target).catch(() => [] as string[]);
  if (existing.length > 0) {
    throw new CliError(
      'TRELLIS_CLI_TARGET_EXISTS',
      `${relative(options.cwd, target) || '.'} already exists and is not empty`,
      'choose another name, or give an empty folder with --dir',
    );
  }
  const className = toClassName(name);
  const files = packageFiles(
    type,
    { name, className },
    options.link === true ? linkedReferences(target) : undefined,
  );
  for (const [file, content] of Object.entries(files)) {
    const path = join(target, file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content, { flag: 'wx' });
  }
  const shown = relative(options.cwd, target) || '.';
  if (out.json) {
    out.document({ name, type, className, directory: target, files: Object.keys(files) });
    return 0;
  }
  const { bold, green, cyan } = out.color;
  out.line(`${green('✔')} Created ${type} plugin ${bold(name)} (${className}) in ${shown}`);
  for (const file of Object.keys(files)) out.line(`  ${file}`);
  out.line();
  out.line('Next:');
  out.line(cyan(`  cd ${shown} && npm install && npm test && npm start`));
  return 0;
}
