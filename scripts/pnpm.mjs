// Runs the pinned pnpm whether or not it is installed globally, so a machine with only Node and npm works.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const pinned = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).packageManager;
const installed = spawnSync('pnpm', ['--version'], { encoding: 'utf8', shell: false });
const useGlobal = installed.status === 0 && `pnpm@${installed.stdout.trim()}` === pinned;
const [command, args] = useGlobal
  ? ['pnpm', process.argv.slice(2)]
  : ['npx', ['--yes', pinned, ...process.argv.slice(2)]];
const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
