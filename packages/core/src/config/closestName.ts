/** Edit distance between two strings (insertions, deletions, substitutions, adjacent swaps). */
function distance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table: number[][] = Array.from({ length: rows }, (_, row) =>
    Array.from({ length: cols }, (_unused, col) => (row === 0 ? col : col === 0 ? row : 0)),
  );
  for (let row = 1; row < rows; row++) {
    for (let col = 1; col < cols; col++) {
      const cost = a[row - 1] === b[col - 1] ? 0 : 1;
      const here = table[row] as number[];
      const above = table[row - 1] as number[];
      let best = Math.min(
        (above[col] as number) + 1,
        (here[col - 1] as number) + 1,
        (above[col - 1] as number) + cost,
      );
      if (row > 1 && col > 1 && a[row - 1] === b[col - 2] && a[row - 2] === b[col - 1]) {
        best = Math.min(best, ((table[row - 2] as number[])[col - 2] as number) + 1);
      }
      here[col] = best;
    }
  }
  return (table[rows - 1] as number[])[cols - 1] as number;
}

/**
 * The known name closest to `name` (case-insensitive edit distance), when it is close enough to be
 * a likely typo: at most 2 edits, and at most a third of the name's length (rounded up) for short names.
 *
 * @example
 * ```ts
 * closestName('maxEntires', ['maxEntries', 'ttl']); // 'maxEntries'
 * ```
 */
export function closestName(name: string, known: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const limit = Math.min(2, Math.max(1, Math.ceil(name.length / 3)));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const edits = distance(lower, candidate.toLowerCase());
    if (edits < bestDistance && edits <= limit) {
      best = candidate;
      bestDistance = edits;
    }
  }
  return best;
}
