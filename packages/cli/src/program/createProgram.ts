import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { GRAPH_FORMATS } from '../graph/GRAPH_FORMATS.js';
import { createOutput, type OutputStreams } from '../output/Output.js';
import { PLUGIN_TYPES } from '../scaffold/PLUGIN_TYPES.js';
import type { CommandContext } from './CommandContext.js';
import { examples } from './examples.js';

interface CommonOptions {
  readonly json?: boolean;
  readonly cwd?: string;
}

// The package's own version: reading it keeps `--help` and `--version` from loading @trellis/core.
const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/**
 * The `trellis` program. Each action stores its exit code in `result.code`; commander's own output
 * (help, version) goes to the given streams. Commands are imported when they run, so `--help` loads
 * nothing but commander.
 */
export function createProgram(streams: OutputStreams, result: { code: number }): Command {
  const context = (options: CommonOptions): CommandContext => ({
    cwd: options.cwd ?? process.cwd(),
    out: createOutput(streams, { json: options.json === true }),
    streams,
  });
  const common = (command: Command): Command =>
    command
      .option('--json', 'print one JSON document on stdout (logs go to stderr)')
      .option('--cwd <dir>', "the host's folder (default: the current directory)");

  const program = new Command('trellis')
    .description('Scaffold, inspect, check and run Trellis plugin hosts.')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => streams.stdout.write(text),
      writeErr: (text) => streams.stderr.write(text),
      outputError: () => undefined,
    })
    .addHelpText(
      'after',
      examples('trellis new plugin audit-log --type events', 'trellis doctor --cwd ./my-host'),
    );

  const create = program
    .command('new')
    .description('create something new (a plugin package)')
    .addHelpText('after', examples('trellis new plugin audit-log --type events'));
  common(
    create
      .command('plugin <name>')
      .description('create a plugin package with a passing test')
      .addOption(
        new Option('--type <type>', 'the kind of plugin').choices([...PLUGIN_TYPES]).default('basic'),
      )
      .option('--dir <dir>', 'the folder to create (default: ./<name>)')
      .option('--link', 'use the Trellis packages of this checkout (file: links) instead of the registry')
      .addHelpText(
        'after',
        examples(
          'trellis new plugin uptime --type health',
          'trellis new plugin greeter --link --dir ../greeter',
        ),
      ),
  ).action(async (name: string, options: CommonOptions & { type: string; dir?: string; link?: boolean }) => {
    const ctx = context(options);
    const { newPlugin } = await import('../commands/newPlugin.js');
    result.code = await newPlugin(
      name,
      {
        type: options.type,
        cwd: ctx.cwd,
        link: options.link === true,
        ...(options.dir ? { dir: options.dir } : {}),
      },
      ctx.out,
    );
  });

  common(
    program
      .command('list')
      .description("list the plugins the host's config finds, with version, source and manifest problems")
      .addHelpText('after', examples('trellis list', 'trellis list --json --cwd apps/demo')),
  ).action(async (options: CommonOptions) => {
    const { listPlugins } = await import('../commands/listPlugins.js');
    result.code = await listPlugins(context(options));
  });

  common(
    program
      .command('graph')
      .description('print the dependency graph (an edge from each plugin to what it depends on)')
      .addOption(
        new Option('--format <format>', 'output format').choices([...GRAPH_FORMATS]).default('mermaid'),
      )
      .addHelpText('after', examples('trellis graph', 'trellis graph --format dot | dot -Tsvg > graph.svg')),
  ).action(async (options: CommonOptions & { format: string }) => {
    const { graphPlugins } = await import('../commands/graphPlugins.js');
    result.code = await graphPlugins(context(options), options.format);
  });

  common(
    program
      .command('doctor')
      .description(
        'check config, manifests, engine ranges, dependencies, cycles and permissions without starting any plugin; exit 1 on problems',
      )
      .addHelpText('after', examples('trellis doctor', 'trellis doctor --json')),
  ).action(async (options: CommonOptions) => {
    const { doctor } = await import('../commands/doctor.js');
    result.code = await doctor(context(options));
  });

  common(
    program
      .command('start')
      .description(
        'start the host from trellis.config.* with the HTTP server, admin API and graceful shutdown',
      )
      .option('--port <port>', 'HTTP port (default: PORT, then the config, then 3000)')
      .addHelpText('after', examples('trellis start', 'PORT=8080 trellis start --cwd apps/demo')),
  ).action(async (options: CommonOptions & { port?: string }) => {
    const { startHost } = await import('../commands/startHost.js');
    result.code = await startHost(context(options), options.port);
  });

  return program;
}
