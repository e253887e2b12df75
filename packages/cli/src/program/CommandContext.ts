import type { Output, OutputStreams } from '../output/Output.js';

/** What every command gets: where it runs and where it writes. */
export interface CommandContext {
  /** The host's folder (`--cwd`, default the current directory). */
  readonly cwd: string;
  readonly out: Output;
  readonly streams: OutputStreams;
}
