// Builds the bench and the workspace packages it depends on, dependencies first, by running each
// package's own `build` script directly (no nested package-manager process, so nothing but the
// compiler can fail here). `pnpm build` (turbo) does the same with caching for the whole workspace.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('..', import.meta.url));
const rootDir = path.resolve(benchDir, '../..');

const packages = new Map();
for (const group of ['packages', 'apps']) {
  const dir = path.join(rootDir, group);
  if (!existsSync(dir)) continue;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const manifest = path.join(dir, entry.name, 'package.json');
    if (!entry.isDirectory() || !existsSync(manifest)) continue;
    const json = JSON.parse(readFileSync(manifest, 'utf8'));
    packages.set(json.name, { dir: path.dirname(manifest), json });
  }
}

const order = [];
const visit = (name, seen = new Set()) => {
  if (order.includes(name)) return;
  if (seen.has(name)) throw new Error(`workspace dependency cycle through ${name}`);
  seen.add(name);
  const pkg = packages.get(name);
  for (const [dep, range] of Object.entries({ ...pkg.json.dependencies, ...pkg.json.devDependencies })) {
    if (String(range).startsWith('workspace:') && packages.has(dep)) visit(dep, seen);
  }
  order.push(name);
};
visit('@trellis/bench');

const bin = (dir) => path.join(dir, 'node_modules', '.bin');
for (const name of order) {
  const { dir, json } = packages.get(name);
  const script = json.scripts?.build;
  if (!script) continue;
  const env = { ...process.env, PATH: [bin(dir), bin(rootDir), process.env.PATH].join(path.delimiter) };
  const result = spawnSync(script, { cwd: dir, env, shell: true, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(
      `build of ${name} failed (${script}); to run the last build: pnpm --filter @trellis/bench bench:run\n`,
    );
    process.exit(result.status ?? 1);
  }
}
