import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from '@jest/globals';
import { EmbeddedDriver, createPluginStorage } from '@trellis/storage';
import { spawnTs } from './support/spawnTs.js';

const writer = fileURLToPath(new URL('./support/crashWriter.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'trellis-storage-crash-'));
const KEYS = 20;

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the writer until `acks` sets resolved after it started, kills it with SIGKILL, returns the acknowledged numbers. */
function writeThenKill(acks: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawnTs(writer, [dir]);
    const acknowledged: number[] = [];
    let buffer = '';
    let killed = false;
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (/^\d+$/.test(line)) acknowledged.push(Number(line));
      if (!killed && acknowledged.length >= acks) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acknowledged);
      else reject(new Error(`writer exited with ${String(code)} before it was killed`));
    });
  });
}

describe('EmbeddedDriver', () => {
  describe('when the writing process is killed with SIGKILL in a stream of sets', () => {
    it('should find every key at its last acknowledged value or a later one, never torn', async () => {
      for (let round = 0; round < 3; round++) {
        const acknowledged = await writeThenKill(200 + round * 97);
        const driver = new EmbeddedDriver({ dir });
        const storage = createPluginStorage('crash', () => driver);
        try {
          for (let k = 0; k < KEYS; k++) {
            const acked = acknowledged.filter((n) => n % KEYS === k);
            const stored = await storage.get<{ n: number; pad: string }>(`k${String(k)}`);
            if (acked.length === 0) continue;
            expect(stored).toBeDefined();
            const last = Math.max(...acked);
            // Old or new value: the acknowledged one or one written after it, whole.
            expect(stored?.n).toBeGreaterThanOrEqual(last);
            expect((stored?.n ?? -1) % KEYS).toBe(k);
            expect(stored?.pad).toBe('x'.repeat((stored?.n ?? 0) % 500));
          }
        } finally {
          await driver.close();
        }
      }
    }, 60_000);
  });
});
