import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The built binary, run as a user would (`npm test` builds first). */
export const BIN = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));
export const TEST_DIR = fileURLToPath(new URL('..', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export function assertBuilt(): void {
  if (!existsSync(BIN))
    throw new Error('packages/cli/dist is missing: run `pnpm build` (npm test does) first');
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `trellis ...args` in a child process, without a TTY. */
export function trellis(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        cwd: options.cwd ?? TEST_DIR,
        env: { ...process.env, NO_COLOR: '', ...options.env },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Runs `trellis ...args` in a pseudo-terminal (util-linux `script`), as a person at a terminal would. */
export function trellisInTty(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const command = [process.execPath, BIN, ...args]
    .map((part) => `'${part.replace(/'/g, `'\\''`)}'`)
    .join(' ');
  return new Promise((resolve) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: TEST_DIR,
      env: { ...process.env, TERM: 'xterm-256color', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => {
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}

/** A temporary folder inside the package, so that `@trellis/*` imports resolve from it. */
export async function tempDir(): Promise<{ path: string; [Symbol.asyncDispose](): Promise<void> }> {
  const path = await mkdtemp(`${TEST_DIR}.tmp-`);
  return { path, [Symbol.asyncDispose]: () => rm(path, { recursive: true, force: true }) };
}
