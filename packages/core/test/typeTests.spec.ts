import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = join(here, '..');

/** Compiles the type-level tests in test/types with the package's compiler options. */
function typeErrors(): string[] {
  const configPath = join(packageDir, 'tsconfig.json');
  const read = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, packageDir);
  const files = readdirSync(join(here, 'types'))
    .filter((name) => name.endsWith('.types.ts'))
    .map((name) => join(here, 'types', name));
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
  return files.flatMap((file) => {
    const source = program.getSourceFile(file);
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map(
      (diagnostic) => {
        const { line } = diagnostic.file?.getLineAndCharacterOfPosition(diagnostic.start ?? 0) ?? {
          line: -1,
        };
        return `${diagnostic.file?.fileName ?? ''}:${line + 1}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
      },
    );
  });
}

describe('Type-level tests (test/types/*.types.ts)', () => {
  describe('when compiled', () => {
    it('should give exactly the errors marked @ts-expect-error', () => {
      expect(typeErrors()).toEqual([]);
    });
  });
});
