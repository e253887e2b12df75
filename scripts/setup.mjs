// Installs the workspace with the pinned pnpm and builds every package. Safe to run again: pnpm and
// turbo skip what is already up to date.
import { spawnSync } from 'node:child_process';

const pnpm = (...args) => {
  const result = spawnSync(process.execPath, [new URL('./pnpm.mjs', import.meta.url).pathname, ...args], {
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

pnpm('install', '--frozen-lockfile');
pnpm('run', 'build');
