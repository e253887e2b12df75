/** Heap measurement helpers; the child process runs with `--expose-gc` for heap cases. */

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('heap cases need node --expose-gc');
  gc();
  gc();
}

/**
 * Bytes per unit retained by what `build` creates: full GC, heapUsed, build, full GC, heapUsed.
 * The built structure is kept reachable until after the second reading.
 */
export async function bytesPerUnit<T>(
  units: number,
  build: () => T | Promise<T>,
  release?: (built: T) => unknown,
): Promise<number> {
  collect();
  const before = process.memoryUsage().heapUsed;
  const built = await build();
  collect();
  const after = process.memoryUsage().heapUsed;
  await release?.(built);
  return (after - before) / units;
}
