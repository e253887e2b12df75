import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const register = fileURLToPath(new URL('../../../../scripts/ts/register.mjs', import.meta.url));

/** Spawns `node` on a TypeScript file of the workspace (sources, no build); stdout is piped. */
export function spawnTs(file: string, args: readonly string[] = []): ChildProcess {
  return spawn(
    process.execPath,
    [
      '--conditions=@trellis/source',
      '--import',
      register,
      '--disable-warning=ExperimentalWarning',
      file,
      ...args,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
}
