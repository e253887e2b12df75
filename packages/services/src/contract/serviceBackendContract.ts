import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import type { ServiceBackend, ServiceRecord } from '../backend/ServiceBackend.js';
import type { ContractCase } from './ContractCase.js';

interface Fixture {
  readonly backend: ServiceBackend;
  /** A prefix unique to this run of the case: names and tags never clash with other cases. */
  readonly p: string;
  readonly record: (fields: Partial<ServiceRecord> & { readonly name: string }) => ServiceRecord;
}

const byId = (records: readonly ServiceRecord[]): ServiceRecord[] =>
  [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** The fields a backend must give back exactly; `owner` too when it was given. */
const normalised = (record: ServiceRecord): Record<string, unknown> => {
  const { id, name, url, tags, metadata, owner } = record;
  // Compared as JSON: a backend may build its objects in another realm (a worker, a VM context).
  return jsonCopy({
    id,
    name,
    ...(url === undefined ? {} : { url }),
    tags: [...tags],
    metadata,
    ...(owner === undefined ? {} : { owner }),
  });
};

const jsonCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * The contract every {@link ServiceBackend} meets (in-memory, `@trellis/redis`'s…), as a list of
 * runner-independent cases that throw on failure. Each case makes its own backend with
 * `makeBackend` and closes it; names and tags are unique per case, so a shared store is fine.
 *
 * @example
 * ```ts
 * import { serviceBackendContract } from '@trellis/services/contract';
 * for (const c of serviceBackendContract(async () => new InMemoryServiceBackend())) it(c.name, c.run);
 * ```
 */
export function serviceBackendContract(makeBackend: () => Promise<ServiceBackend>): ContractCase[] {
  const withBackend = (body: (fixture: Fixture) => Promise<void>) => async (): Promise<void> => {
    const backend = await makeBackend();
    const p = `c${randomBytes(5).toString('hex')}`;
    const record: Fixture['record'] = (fields) => ({
      id: randomUUID(),
      tags: [],
      metadata: {},
      owner: 'contract',
      ...fields,
      name: `${p}-${fields.name}`,
    });
    try {
      await body({ backend, p, record });
    } finally {
      await backend.close();
    }
  };

  return [
    {
      name: 'gives back a registered record with every field intact',
      run: withBackend(async ({ backend, record }) => {
        const full = record({
          name: 'payments',
          url: 'http://127.0.0.1:4000/api',
          tags: ['v2', 'eu'],
          metadata: { weight: 3, nested: { ok: true, list: [1, 'two', null] }, text: 'é ✓' },
        });
        const bare = record({ name: 'bare' });
        await backend.register(full);
        await backend.register(bare);
        assert.deepStrictEqual((await backend.discover({ name: full.name })).map(normalised), [
          normalised(full),
        ]);
        const [found] = await backend.discover({ name: bare.name });
        assert.ok(found !== undefined);
        assert.deepStrictEqual(normalised(found), normalised(bare));
        assert.equal(found.url, undefined, 'a record registered without url has none');
      }),
    },
    {
      name: 'discovers by name, by tag, by both, and lists everything with an empty query',
      run: withBackend(async ({ backend, p, record }) => {
        const a1 = record({ name: 'a', tags: [`${p}-blue`] });
        const a2 = record({ name: 'a', tags: [`${p}-red`] });
        const b = record({ name: 'b', tags: [`${p}-blue`, `${p}-red`] });
        for (const entry of [a1, a2, b]) await backend.register(entry);
        const ids = async (query: { name?: string; tag?: string }): Promise<string[]> =>
          byId(await backend.discover(query)).map((entry) => entry.id);
        assert.deepStrictEqual(
          await ids({ name: a1.name }),
          byId([a1, a2]).map((entry) => entry.id),
        );
        assert.deepStrictEqual(
          await ids({ tag: `${p}-blue` }),
          byId([a1, b]).map((entry) => entry.id),
        );
        assert.deepStrictEqual(await ids({ name: a1.name, tag: `${p}-red` }), [a2.id]);
        assert.deepStrictEqual(await ids({ name: `${p}-nothing` }), []);
        assert.deepStrictEqual(await ids({ tag: `${p}-green` }), []);
        const all = await ids({});
        for (const entry of [a1, a2, b]) assert.ok(all.includes(entry.id), 'discover({}) lists every record');
      }),
    },
    {
      name: 'unregisters: true once, then false; the record is gone',
      run: withBackend(async ({ backend, record }) => {
        const entry = record({ name: 'gone' });
        const other = record({ name: 'gone' });
        await backend.register(entry);
        await backend.register(other);
        assert.equal(await backend.unregister(entry.id), true);
        assert.equal(await backend.unregister(entry.id), false);
        assert.equal(await backend.unregister(randomUUID()), false, 'an unknown id resolves to false');
        assert.deepStrictEqual(
          (await backend.discover({ name: entry.name })).map((found) => found.id),
          [other.id],
        );
      }),
    },
    {
      name: 'replaces a record registered again under the same id',
      run: withBackend(async ({ backend, record }) => {
        const first = record({ name: 'svc', url: 'http://127.0.0.1:1/', tags: ['x'] });
        const second: ServiceRecord = {
          ...first,
          url: 'http://127.0.0.1:2/',
          tags: ['y'],
          metadata: { v: 2 },
        };
        await backend.register(first);
        await backend.register(second);
        assert.deepStrictEqual((await backend.discover({ name: first.name })).map(normalised), [
          normalised(second),
        ]);
      }),
    },
    {
      name: 'never shares objects with its callers',
      run: withBackend(async ({ backend, record }) => {
        const tags = ['a'];
        const metadata: Record<string, unknown> = { n: 1 };
        const entry = record({ name: 'copy', tags, metadata });
        await backend.register(entry);
        tags.push('mutated');
        metadata.n = 2;
        const [found] = await backend.discover({ name: entry.name });
        assert.ok(found !== undefined);
        assert.deepStrictEqual([...found.tags], ['a']);
        assert.deepStrictEqual(jsonCopy(found.metadata), { n: 1 });
        (found.tags as string[]).push('changed');
        const [again] = await backend.discover({ name: entry.name });
        assert.deepStrictEqual(again === undefined ? undefined : [...again.tags], ['a']);
      }),
    },
    {
      name: 'holds many records',
      run: withBackend(async ({ backend, p, record }) => {
        const entries = Array.from({ length: 50 }, (_, index) =>
          record({ name: 'many', tags: [`${p}-${index % 2 === 0 ? 'even' : 'odd'}`], metadata: { index } }),
        );
        await Promise.all(entries.map((entry) => backend.register(entry)));
        assert.equal((await backend.discover({ name: entries[0]?.name ?? '' })).length, 50);
        assert.equal((await backend.discover({ tag: `${p}-even` })).length, 25);
      }),
    },
    {
      name: 'closes: close() is idempotent, then every call rejects with TRELLIS_TRANSPORT',
      run: async () => {
        const backend = await makeBackend();
        await backend.close();
        await backend.close();
        const isTransportError = (error: unknown): boolean =>
          typeof error === 'object' &&
          error !== null &&
          (error as { code?: unknown }).code === 'TRELLIS_TRANSPORT';
        const late: ServiceRecord = { id: randomUUID(), name: 'late', tags: [], metadata: {} };
        await assert.rejects(backend.register(late), isTransportError);
        await assert.rejects(backend.unregister(late.id), isTransportError);
        await assert.rejects(backend.discover({}), isTransportError);
      },
    },
  ];
}
