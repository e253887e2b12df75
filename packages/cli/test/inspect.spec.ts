import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertBuilt, FIXTURES, tempDir, trellis, trellisInTty } from './support/cli.js';

const healthy = join(FIXTURES, 'healthy');
// The start of every ANSI colour sequence.
const ANSI = '\u001b[';

async function writeHost(root: string, files: Record<string, string>): Promise<void> {
  for (const [file, content] of Object.entries(files)) {
    await mkdir(join(root, file, '..'), { recursive: true });
    await writeFile(join(root, file), content);
  }
}

const plugin = (spec: string): string =>
  `import { definePlugin } from '@trellis/core';\nexport default definePlugin(${spec});\n`;

describe('trellis list, graph and doctor', () => {
  beforeAll(assertBuilt);

  describe('when listing a healthy host with --json', () => {
    it('should print one JSON array of { name, version, source } and nothing else', async () => {
      const result = await trellis(['list', '--json', '--cwd', healthy]);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual([
        expect.objectContaining({ name: 'clock', version: '2.1.0', source: 'plugins/clock/plugin.json' }),
        expect.objectContaining({ name: 'audit', version: '0.3.0', source: 'plugins/audit.plugin.mjs' }),
        expect.objectContaining({
          name: 'greeter',
          version: '1.2.0',
          source: 'plugins/greeter.plugin.mjs#Greeter',
        }),
      ]);
    });
  });

  describe('when listing for people', () => {
    it('should print a table without colour when stdout is not a terminal', async () => {
      const result = await trellis(['list', '--cwd', healthy]);
      expect(result.stdout).toMatch(/^NAME\s+VERSION\s+SOURCE/);
      expect(result.stdout).toContain('greeter  1.2.0');
      expect(result.stdout).not.toContain(ANSI);
    });
  });

  describe('when drawing the graph', () => {
    it('should give the edges from a plugin to what it depends on as JSON', async () => {
      const result = await trellis(['graph', '--json', '--cwd', healthy]);
      const graph = JSON.parse(result.stdout) as {
        nodes: { name: string }[];
        edges: { from: string; to: string }[];
      };
      expect(graph.nodes.map((node) => node.name).sort()).toEqual(['audit', 'clock', 'greeter']);
      expect(graph.edges).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ from: 'audit', to: 'greeter' }),
          expect.objectContaining({ from: 'greeter', to: 'clock' }),
        ]),
      );
    });

    it('should draw Mermaid by default and dot on request', async () => {
      const mermaid = await trellis(['graph', '--cwd', healthy]);
      expect(mermaid.stdout).toMatch(/^graph TD/);
      expect(mermaid.stdout).toContain('"greeter@1.2.0"');
      const dot = await trellis(['graph', '--format', 'dot', '--cwd', healthy]);
      expect(dot.stdout).toMatch(/^digraph trellis \{/);
      expect(dot.stdout).toContain('"greeter" -> "clock" [label="^2.0.0"];');
    });
  });

  describe('when the host is healthy', () => {
    it('should find no problem and exit 0', async () => {
      const result = await trellis(['doctor', '--json', '--cwd', healthy]);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual({ problems: [] });
    });
  });

  describe('when the host has problems', () => {
    it('should list each with its code, plugin or file, and fix, and exit 1', async () => {
      await using dir = await tempDir();
      await writeHost(dir.path, {
        'trellis.config.yaml':
          'plugins:\n  directories: [./plugins]\n  packages: false\ngrants:\n  greedy: [storage]\n  ghost: ["*"]\nlogLevl: debug\n',
        'plugins/orphan.plugin.mjs': plugin(`{ name: 'orphan', dependencies: { auth: '^1.0.0' } }`),
        'plugins/old.plugin.mjs': plugin(`{ name: 'old', version: '1.0.0' }`),
        'plugins/picky.plugin.mjs': plugin(`{ name: 'picky', dependencies: { old: '^2.0.0' } }`),
        'plugins/ping.plugin.mjs': plugin(`{ name: 'ping', dependencies: ['pong'] }`),
        'plugins/pong.plugin.mjs': plugin(`{ name: 'pong', dependencies: ['ping'] }`),
        'plugins/future.plugin.mjs': plugin(`{ name: 'future', engines: { trellis: '^99.0.0' } }`),
        'plugins/greedy.plugin.mjs': plugin(
          `{ name: 'greedy', permissions: ['storage', 'net', 'teleport'] }`,
        ),
        'plugins/broken.plugin.mjs': 'export const = ;\n',
        'plugins/badmanifest/plugin.json': '{ "name": "bad manifest!", "version": "one" }',
      });
      const result = await trellis(['doctor', '--json', '--cwd', dir.path]);
      expect(result.code).toBe(1);
      const { problems } = JSON.parse(result.stdout) as {
        problems: { code: string; plugin?: string; file?: string; message: string; fix: string }[];
      };
      const summary = problems.map((problem) => `${problem.code} ${problem.plugin ?? problem.file ?? ''}`);
      expect(summary).toEqual(
        expect.arrayContaining([
          'TRELLIS_DEPENDENCY_MISSING orphan',
          'TRELLIS_DEPENDENCY_VERSION picky',
          expect.stringMatching(/^TRELLIS_DEPENDENCY_CYCLE p[io]ng$/),
          'TRELLIS_DEPENDENCY_ENGINE future',
          'TRELLIS_DOCTOR_PERMISSION_UNKNOWN greedy',
          'TRELLIS_DOCTOR_PERMISSION_NOT_GRANTED greedy',
          expect.stringMatching(/^TRELLIS_CONFIG_UNKNOWN_KEY /),
          expect.stringMatching(/broken\.plugin\.mjs$/),
          expect.stringMatching(/badmanifest/),
        ]),
      );
      for (const problem of problems) {
        expect(problem.message.length).toBeGreaterThan(0);
        expect(problem.fix.length).toBeGreaterThan(0);
      }
      expect(problems.find((problem) => problem.code === 'TRELLIS_DEPENDENCY_VERSION')?.message).toBe(
        'old@1.0.0 does not satisfy ^2.0.0 required by picky',
      );
    });

    it('should print one line per problem for people', async () => {
      await using dir = await tempDir();
      await writeHost(dir.path, {
        'trellis.config.json': JSON.stringify({ plugins: { directories: ['./plugins'], packages: false } }),
        'plugins/orphan.plugin.mjs': plugin(`{ name: 'orphan', dependencies: ['auth'] }`),
      });
      const result = await trellis(['doctor', '--cwd', dir.path]);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/✖ TRELLIS_DEPENDENCY_MISSING \[orphan\] depends on 'auth'.*→ register/);
    });
  });

  describe('when the config file is malformed', () => {
    it('should report the file with line and column and exit 1', async () => {
      await using dir = await tempDir();
      await writeHost(dir.path, { 'trellis.config.yaml': 'plugins:\n  directories: [./plugins\n' });
      const result = await trellis(['doctor', '--json', '--cwd', dir.path]);
      expect(result.code).toBe(1);
      const { problems } = JSON.parse(result.stdout) as {
        problems: { code: string; file?: string; message: string }[];
      };
      expect(problems[0]?.code).toMatch(/^TRELLIS_CONFIG/);
      expect(problems[0]?.message).toMatch(/trellis\.config\.yaml/);
    });
  });

  describe('when run in a terminal', () => {
    it('should colour its output', async () => {
      const result = await trellisInTty(['doctor', '--cwd', healthy]);
      expect(result.stdout).toContain('No problems found');
      expect(result.stdout).toContain(ANSI);
    });

    it('should not colour with NO_COLOR', async () => {
      const result = await trellisInTty(['doctor', '--cwd', healthy], { NO_COLOR: '1' });
      expect(result.stdout).toContain('No problems found');
      expect(result.stdout).not.toContain(ANSI);
    });
  });
});
