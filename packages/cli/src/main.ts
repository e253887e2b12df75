import { CommanderError } from 'commander';
import { describeError } from './output/describeError.js';
import type { OutputStreams } from './output/Output.js';
import { createProgram } from './program/createProgram.js';

/**
 * Runs `trellis` with `argv` (without the node and script entries) and resolves to the exit code.
 * Errors are one line on stderr: the code, what was wrong, and the fix.
 */
export async function main(argv: readonly string[], streams: OutputStreams): Promise<number> {
  const result = { code: 0 };
  const program = createProgram(streams, result);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return result.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      if (error.code === 'commander.help') return 0;
      return report(streams, toUsageError(error, argv));
    }
    return report(streams, error);
  }
}

function report(streams: OutputStreams, error: unknown): number {
  const { code, message, fix } = describeError(error);
  streams.stderr.write(`${code}: ${message}. Fix: ${fix}\n`);
  return code === 'TRELLIS_CLI_USAGE' ? 2 : 1;
}

// A plain object, not a CliError: building one would load @trellis/core for a typo.
function toUsageError(
  error: CommanderError,
  argv: readonly string[],
): { code: string; message: string; fix: string } {
  const message = error.message.replace(/^error: /, '').replace(/\.$/, '');
  if (error.code === 'commander.unknownCommand') {
    const name = argv.find((arg) => !arg.startsWith('-')) ?? '';
    return {
      code: 'TRELLIS_CLI_USAGE',
      message: `unknown command '${name}'`,
      fix: 'run `trellis --help` to list the commands',
    };
  }
  return {
    code: 'TRELLIS_CLI_USAGE',
    message,
    fix: 'run the command with --help to see its arguments and an example',
  };
}
