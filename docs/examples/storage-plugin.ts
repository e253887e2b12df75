import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PluginManager, TrellisError, inject, plugin } from '@trellis/core';
import { STORAGE, STORAGE_SERVICE, StoragePlugin, type PluginStorage } from '@trellis/storage';

// Counts visits per user in its own namespace; the values survive restarts of the host.
@plugin({ name: 'visits', version: '1.0.0' })
class VisitsPlugin {
  constructor(@inject(STORAGE) private readonly storage: PluginStorage) {}

  async visit(user: string): Promise<number> {
    const count = ((await this.storage.get<number>(`user:${user}`)) ?? 0) + 1;
    await this.storage.set(`user:${user}`, count);
    return count;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'trellis-docs-storage-'));
const config = { 'trellis.storage': { dir } }; // default dir: <cwd>/.trellis/data

const first = new PluginManager({ logger: false, config });
first.register([StoragePlugin, VisitsPlugin]);
await first.start();
const visits = first.getPlugin(VisitsPlugin);
assert.equal(await visits?.visit('ada'), 1);
assert.equal(await visits?.visit('ada'), 2);

// Values are JSON; anything else is refused with an error naming the plugin.
const mine = first.get(STORAGE_SERVICE).forPlugin('visits');
await assert.rejects(mine.set('when', new Date()), (error) =>
  TrellisError.is(error, 'TRELLIS_STORAGE_VALUE'),
);
await mine.set('session', { token: 'abc' }, { ttl: 60_000 }); // gone after a minute
assert.deepEqual(await mine.keys('user:'), ['user:ada']); // no namespace prefix
await first.close();

// A new host on the same directory finds the data; another plugin's store is empty.
const second = new PluginManager({ logger: false, config });
second.register([StoragePlugin, VisitsPlugin]);
await second.start();
assert.equal(await second.getPlugin(VisitsPlugin)?.visit('ada'), 3);
assert.deepEqual(await second.get(STORAGE_SERVICE).forPlugin('other').keys(), []);
await second.close();
rmSync(dir, { recursive: true, force: true });
