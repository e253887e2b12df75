import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { createHost } from '@trellis/core';

const cwd = fileURLToPath(new URL('./loading/host', import.meta.url));

// trellis.config.yaml in cwd + options in code (code wins per key; groups are appended).
const manager = await createHost({
  cwd,
  logger: false,
  env: { GREETING: 'Welcome' },
  plugins: { groups: { headers: ['../plugins/middleware.mjs#poweredBy'] } },
});
assert.deepEqual(manager.getRegisteredPlugins().sort(), ['audit', 'hello']);
assert.deepEqual(
  [...(manager.groups.get('headers')?.keys() ?? [])],
  ['../plugins/middleware.mjs#cors', '../plugins/middleware.mjs#poweredBy'],
);

await manager.start();
assert.deepEqual(manager.trigger('greet', ['Ada']), ['Welcome, Ada', '(1 greeted)']);
const headers = [...(manager.groups.get('headers')?.values() ?? [])] as ((h: object) => object)[];
assert.deepEqual(
  headers.reduce((acc, apply) => apply(acc), {}),
  { 'access-control-allow-origin': '*', 'x-powered-by': 'trellis' },
);
await manager.close();
