/**
 * Keeps the guides honest: every ```ts block announced with `<!-- example: NAME -->` in README.md or
 * docs/*.md must equal docs/examples/NAME.ts, every example file must be used by a guide, and every
 * example runs here (each asserts its own results). `pnpm typecheck` compiles the same files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const docsDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const examplesDir = join(docsDir, 'examples');
const guides = [
  join(docsDir, '..', 'README.md'),
  ...readdirSync(docsDir)
    .filter((file) => file.endsWith('.md'))
    .map((file) => join(docsDir, file)),
];
const exampleFiles = readdirSync(examplesDir)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -'.ts'.length));

interface Embedded {
  guide: string;
  name: string;
  code: string;
}

const marker = /<!-- example: ([\w-]+) -->(?:\r?\n)+```ts\r?\n([\s\S]*?)```/g;
const embedded: Embedded[] = guides.flatMap((guide) => {
  let text: string;
  try {
    text = readFileSync(guide, 'utf8');
  } catch {
    return [];
  }
  return [...text.matchAll(marker)].map((match) => ({
    guide: guide.slice(docsDir.length - 'docs'.length),
    name: match[1] ?? '',
    code: match[2] ?? '',
  }));
});

describe('documentation examples', () => {
  describe('when a guide embeds an example', () => {
    it.each(embedded.map((entry) => [`${entry.guide} → ${entry.name}`, entry] as const))(
      'should print %s exactly as the compiled file',
      (_label, entry) => {
        expect(exampleFiles).toContain(entry.name);
        const source = readFileSync(join(examplesDir, `${entry.name}.ts`), 'utf8');
        expect(entry.code.trim()).toBe(source.trim());
      },
    );
  });

  describe('when an example file exists', () => {
    it.each(exampleFiles)('should be shown by a guide: %s', (name) => {
      expect(embedded.map((entry) => entry.name)).toContain(name);
    });

    it.each(exampleFiles)('should run and pass its own assertions: %s', async (name) => {
      await import(pathToFileURL(join(examplesDir, `${name}.ts`)).href);
    });
  });
});
