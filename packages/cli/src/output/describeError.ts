/** The code, message and fix of anything a command failed with; never throws. */
export function describeError(error: unknown): { code: string; message: string; fix: string } {
  try {
    const value = error as { code?: unknown; message?: unknown; fix?: unknown } | null;
    const code =
      typeof value?.code === 'string' && value.code.startsWith('TRELLIS_')
        ? value.code
        : 'TRELLIS_CLI_FAILED';
    const message =
      typeof value?.message === 'string'
        ? firstLine(value.message)
        : firstLine(typeof error === 'string' ? error : Object.prototype.toString.call(error));
    const fix =
      typeof value?.fix === 'string'
        ? value.fix
        : 'see docs/errors.md for this code, or run the command with --help';
    return { code, message, fix };
  } catch {
    return { code: 'TRELLIS_CLI_FAILED', message: 'the command failed', fix: 'run it again with --help' };
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? '';
}
