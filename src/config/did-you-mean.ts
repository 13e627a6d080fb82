/**
 * The known key the unknown one was most likely meant to be, or undefined. Case, `-` and
 * `_` are ignored (`max_parallel_tasks` → `maxParallelTasks`); otherwise up to one edit
 * (two for longer keys) is forgiven, a swap of neighbours counting as one.
 */
export function closestKey(unknown: string, known: readonly string[]): string | undefined {
  const wanted = normalise(unknown);
  const allowed = wanted.length >= 6 ? 2 : 1;
  let best: { key: string; distance: number } | undefined;
  for (const key of known) {
    const distance = editDistance(wanted, normalise(key));
    if (distance <= allowed && (best === undefined || distance < best.distance)) best = { key, distance };
  }
  return best?.key;
}

function normalise(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, "");
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(first: string, second: string): number {
  const rows = Array.from({ length: first.length + 1 }, (_, row) =>
    Array.from({ length: second.length + 1 }, (_, column) => (row === 0 ? column : column === 0 ? row : 0)),
  );
  const at = (row: number, column: number): number => rows[row]?.[column] ?? Number.POSITIVE_INFINITY;
  for (let row = 1; row <= first.length; row++) {
    for (let column = 1; column <= second.length; column++) {
      const cost = first[row - 1] === second[column - 1] ? 0 : 1;
      let distance = Math.min(at(row - 1, column) + 1, at(row, column - 1) + 1, at(row - 1, column - 1) + cost);
      const swapped = row > 1 && column > 1 && first[row - 1] === second[column - 2] && first[row - 2] === second[column - 1];
      if (swapped) distance = Math.min(distance, at(row - 2, column - 2) + 1);
      const cells = rows[row];
      if (cells) cells[column] = distance;
    }
  }
  return at(first.length, second.length);
}
