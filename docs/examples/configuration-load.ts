import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type LoaderWarning } from '@trellis/core';

const cwd = mkdtempSync(join(tmpdir(), 'trellis-config-'));
writeFileSync(
  join(cwd, 'trellis.config.toml'),
  `logLevel = "warn"
plugin_dirs = ["./plugins"]

[config.db]
url = "postgres://\${DB_HOST:-localhost}:\${DB_PORT:-5432}/app"
port = "\${DB_PORT:-5432}"
password = "\${DB_PASSWORD}"
`,
);

const warnings: LoaderWarning[] = [];
const { config, file, format } = await loadConfig({
  cwd,
  env: { DB_HOST: 'db.internal', DB_PASSWORD: 's3cret' },
  onWarning: (warning) => warnings.push(warning),
});
assert.equal(format, 'toml');
assert.equal(file, join(cwd, 'trellis.config.toml'));
// Plain text substitution; a value that is one whole reference to a number becomes a number.
assert.deepEqual(config.config?.db, {
  url: 'postgres://db.internal:5432/app',
  port: 5432,
  password: 's3cret',
});
// Unknown top-level keys are warnings with the closest known key.
const [warning] = warnings;
assert.ok(warning);
assert.equal(warning.code, 'TRELLIS_CONFIG_UNKNOWN_KEY');
assert.match(warning.message, /unknown top-level key 'plugin_dirs'/);

// A variable with no value and no default is an error naming the key.
await assert.rejects(loadConfig({ cwd, env: {} }), { code: 'TRELLIS_CONFIG_ENV_MISSING' });
rmSync(cwd, { recursive: true, force: true });
