// Installs the workspace with the pinned pnpm and builds every package. Safe to run again: pnpm and
// turbo skip what is already up to date.
import { spawnSync } from 'node:child_process';

const pnpm = (...args) => {
  const result = spawnSync(process.execPath, [new URL('./pnpm.mjs', import.meta.url).pathname, ...args], {
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

// --frozen-lockfile would fail: pnpm tries to record its own pinned version in the lockfile, and the
// registry has no platform-independent build of it to record. A lockfile that satisfies every
// package.json is still installed exactly as written.
pnpm('install', '--prefer-frozen-lockfile');
pnpm('run', 'build');
