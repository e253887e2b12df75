import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The demo's own folder (apps/demo). */
export const demoDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A demo process started by a test. */
export interface RunningDemo {
  readonly child: ChildProcess;
  /** `http://127.0.0.1:<port>/` */
  readonly base: string;
  readonly dashboard: string;
  readonly metrics: string;
  /** The folder it runs from (a copy of the built demo). */
  readonly appDir: string;
  /** Every stdout line so far. */
  readonly lines: string[];
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
  /** SIGKILLs it if still running and removes its folders. */
  dispose(): Promise<void>;
}

/**
 * Starts the built demo as a user would: `node dist/main.js` in a copy of the demo's folder (so a
 * test may edit a plugin on disk), port 0 (a free one), a temporary DATA_DIR.
 */
export async function startDemo(env: Record<string, string> = {}): Promise<RunningDemo> {
  const main = join(demoDir, 'dist', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run 'pnpm build' first.`);
  const root = await mkdtemp(join(tmpdir(), 'trellis-demo-'));
  const appDir = join(root, 'app');
  await cp(join(demoDir, 'dist'), join(appDir, 'dist'), { recursive: true });
  await cp(join(demoDir, 'trellis.config.yaml'), join(appDir, 'trellis.config.yaml'));
  await writeFile(
    join(appDir, 'package.json'),
    JSON.stringify({ name: 'demo-copy', type: 'module', private: true }),
  );
  await symlink(join(demoDir, 'node_modules'), join(appDir, 'node_modules'), 'dir');

  const child = spawn(process.execPath, [join(appDir, 'dist', 'main.js')], {
    cwd: appDir,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: join(root, 'data'),
      LOG_LEVEL: 'error',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      resolve(code);
    });
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  let buffered = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      lines.push(...parts);
      if (lines.some((line) => line.startsWith('Metrics:'))) resolve();
    });
    void exited.then((code) => {
      reject(new Error(`demo exited with ${String(code)} before it was ready:\n${stderr}`));
    });
    setTimeout(() => {
      reject(new Error(`demo not ready after 20 s:\n${lines.join('\n')}\n${stderr}`));
    }, 20_000).unref();
  });
  const dispose = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
    await rm(root, { recursive: true, force: true });
  };
  try {
    await ready;
  } catch (error) {
    await dispose();
    throw error;
  }
  const value = (prefix: string): string =>
    lines
      .find((line) => line.startsWith(prefix))
      ?.slice(prefix.length)
      .trim() ?? '';
  return {
    child,
    base: value('App:'),
    dashboard: value('Dashboard:'),
    metrics: value('Metrics:'),
    appDir,
    lines,
    exited,
    dispose,
  };
}
