import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from '@jest/globals';
import { EmbeddedDriver, MemoryDriver } from '@trellis/storage';
import { storageDriverContract } from '@trellis/storage/contract';

const root = mkdtempSync(join(tmpdir(), 'trellis-storage-contract-'));
let count = 0;

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('storageDriverContract', () => {
  describe('when run against the memory driver', () => {
    for (const c of storageDriverContract(() => new MemoryDriver())) it(`should hold: ${c.name}`, c.run);
  });

  describe('when run against the embedded driver', () => {
    for (const c of storageDriverContract(() => new EmbeddedDriver({ dir: join(root, String(++count)) }))) {
      it(`should hold: ${c.name}`, c.run);
    }
  });
});
