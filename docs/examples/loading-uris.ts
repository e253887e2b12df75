import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { TrellisError, loadFromUri, mergeGroups, readManifest } from '@trellis/core';

const cwd = fileURLToPath(new URL('./loading', import.meta.url));

// "<module>#<export>": a relative path (from cwd), an absolute path or a package specifier.
const cors = (await loadFromUri('./plugins/middleware.mjs#cors', { cwd })) as (h: object) => object;
assert.deepEqual(cors({}), { 'access-control-allow-origin': '*' });

// Three distinct failures.
const codeOf = (uri: string): Promise<unknown> =>
  loadFromUri(uri, { cwd }).catch((error: unknown) => (TrellisError.is(error) ? error.code : error));
assert.equal(await codeOf('./plugins/middleware.mjs#a#b'), 'TRELLIS_URI_MALFORMED');
assert.equal(await codeOf('./plugins/missing.mjs#cors'), 'TRELLIS_URI_MODULE_NOT_FOUND');
assert.equal(await codeOf('./plugins/middleware.mjs#gzip'), 'TRELLIS_URI_EXPORT_NOT_FOUND');

// Groups: the config file's come first, code's are appended, a repeated URI keeps its first place.
const groups = mergeGroups({ headers: ['a#x', 'b#y'] }, { headers: ['b#y', 'c#z'], auth: ['d#w'] });
assert.deepEqual(
  [...groups],
  [
    ['headers', ['a#x', 'b#y', 'c#z']],
    ['auth', ['d#w']],
  ],
);

// A manifest is read and validated without importing any code.
const { manifest, mainPath, exportName } = await readManifest(`${cwd}/plugins/audit`);
assert.equal(manifest.version, '2.1.0');
assert.equal(exportName, 'Audit');
assert.ok(mainPath.endsWith('audit/index.mjs'));
