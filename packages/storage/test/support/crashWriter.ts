// Child of the crash test: writes `k<i % keys>` = { round, i } in a stream of sets and prints
// `<i>` on stdout after each set resolves, until it is killed.
import { EmbeddedDriver, createPluginStorage } from '@trellis/storage';

const dir = process.argv[2] ?? '';
const keys = 20;
const driver = new EmbeddedDriver({ dir });
const storage = createPluginStorage('crash', () => driver);
const start = (await storage.get<number>('next')) ?? 0;
let i = start;
process.stdout.write(`ready ${String(start)}\n`);
for (;;) {
  const batch: Promise<void>[] = [];
  for (let j = 0; j < 8; j++, i++) {
    const n = i;
    batch.push(
      storage.set(`k${String(n % keys)}`, { n, pad: 'x'.repeat(n % 500) }).then(() => {
        process.stdout.write(`${String(n)}\n`);
      }),
    );
  }
  await Promise.all(batch);
  await storage.set('next', i);
}
