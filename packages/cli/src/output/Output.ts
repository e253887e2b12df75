import { createColors } from 'picocolors';

/** Where a command writes, and how. */
export interface Output {
  /** `--json` was given: one JSON document on stdout, nothing else there. */
  readonly json: boolean;
  /** Colours, enabled only on a TTY without `NO_COLOR` and without `--json`. */
  readonly color: ReturnType<typeof createColors>;
  /** A line for people (ignored under `--json`). */
  line(text?: string): void;
  /** The one JSON document of a `--json` run. */
  document(value: unknown): void;
  /** A line on stderr. */
  error(text: string): void;
}

/** The streams and environment a command runs with. */
export interface OutputStreams {
  readonly stdout: NodeJS.WritableStream & { readonly isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
}

/** Builds the output of one run. */
export function createOutput(streams: OutputStreams, options: { readonly json: boolean }): Output {
  const noColor = streams.env.NO_COLOR !== undefined && streams.env.NO_COLOR !== '';
  const enabled = streams.stdout.isTTY === true && !noColor && !options.json && streams.env.TERM !== 'dumb';
  return {
    json: options.json,
    color: createColors(enabled),
    line(text = '') {
      if (!options.json) streams.stdout.write(`${text}\n`);
    },
    document(value) {
      streams.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
    error(text) {
      streams.stderr.write(`${text}\n`);
    },
  };
}
