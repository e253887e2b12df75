import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

interface TurboTask {
  readonly inputs?: readonly string[];
  readonly outputs?: readonly string[];
  readonly dependsOn?: readonly string[];
}
const turbo = JSON.parse(readFileSync(join(root, 'turbo.json'), 'utf8')) as {
  tasks: Record<string, TurboTask>;
};

/** A turbo input glob (`*`, `**`) as a regular expression. */
const globToRegExp = (glob: string): RegExp =>
  new RegExp(
    `^${glob
      .split('**')
      .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
      .join('.*')}$`,
  );

/** Whether a file (relative to its package) is hashed by a task's inputs. */
function isInput(task: TurboTask, packageDir: string, file: string): boolean {
  const path = relative(packageDir, file).split('\\').join('/');
  const fromRoot = `$TURBO_ROOT$/${relative(root, file).split('\\').join('/')}`;
  const inputs = task.inputs ?? [];
  const included = inputs.some(
    (input) => !input.startsWith('!') && (globToRegExp(input).test(path) || input === fromRoot),
  );
  const excluded = inputs.some((input) => input.startsWith('!') && globToRegExp(input.slice(1)).test(path));
  return included && !excluded;
}

/** Every file a `tsc -p <config>` run reads its settings from: the config and what it extends. */
function configChain(file: string): { files: string[]; include: string[] } {
  const files: string[] = [];
  let include: string[] = [];
  for (let current: string | undefined = file; current !== undefined;) {
    files.push(current);
    const config = JSON.parse(readFileSync(current, 'utf8')) as { extends?: string; include?: string[] };
    if (include.length === 0 && config.include !== undefined) include = config.include;
    current = config.extends === undefined ? undefined : resolve(dirname(current), config.extends);
  }
  return { files, include };
}

const workspaces = ['packages', 'apps']
  .flatMap((group) => readdirSync(join(root, group)).map((name) => join(root, group, name)))
  .concat(join(root, 'docs'))
  .filter((dir) => existsSync(join(dir, 'package.json')));

describe('turbo.json', () => {
  for (const taskName of ['build', 'typecheck'] as const) {
    describe(`when a package runs its ${taskName} script`, () => {
      it('should hash every tsconfig file the compiler reads and every folder it compiles', () => {
        const task = turbo.tasks[taskName] as TurboTask;
        const missing: string[] = [];
        for (const dir of workspaces) {
          const scripts = (
            JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
              scripts?: Record<string, string>;
            }
          ).scripts;
          const project = /tsc -p (\S+)/.exec(scripts?.[taskName] ?? '')?.[1];
          if (project === undefined) continue;
          const { files, include } = configChain(join(dir, project));
          for (const file of files) if (!isInput(task, dir, file)) missing.push(relative(root, file));
          for (const folder of include) {
            if (!isInput(task, dir, join(dir, folder, 'x.ts')))
              missing.push(`${relative(root, join(dir, folder))}/**`);
          }
        }
        expect(missing).toEqual([]);
      });
    });
  }

  describe('when a package is type-checked', () => {
    it('should depend on the type-check of its dependencies, whose sources it reads', () => {
      expect(turbo.tasks.typecheck?.dependsOn).toContain('^typecheck');
      expect(turbo.tasks.build?.outputs).toEqual(['dist/**']);
    });
  });
});
