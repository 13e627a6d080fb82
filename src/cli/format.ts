/** Plain-text building blocks of the command line's output: ages, money, tables that fit a width. */

const UNITS: readonly [number, string][] = [
  [86_400_000, "d"],
  [3_600_000, "h"],
  [60_000, "m"],
  [1000, "s"],
];

/** How long ago `at` was, in its largest unit: `12s ago`, `5m ago`, `3d ago`; `now` for the future. */
export function ago(at: number, now: number): string {
  const elapsed = now - at;
  if (elapsed < 1000) return "now";
  for (const [size, unit] of UNITS) if (elapsed >= size) return `${Math.floor(elapsed / size)}${unit} ago`;
  return "now";
}

/** When `at` is from now, the other way: `in 5s`, or `due` once past. */
export function until(at: number, now: number): string {
  const left = at - now;
  if (left < 1000) return "due";
  for (const [size, unit] of UNITS) if (left >= size) return `in ${Math.floor(left / size)}${unit}`;
  return "due";
}

export function dollars(amount: number): string {
  return `$${amount.toFixed(2)}`;
}

export function shortSha(sha: string | null): string {
  return sha === null ? "-" : sha.slice(0, 7);
}

/** `text` cut to `width` characters, with `…` when cut. */
export function fit(text: string, width: number): string {
  if (width <= 0) return "";
  return text.length <= width ? text : `${text.slice(0, Math.max(width - 1, 0))}…`;
}

/** A cell on one line: a multi-line note (a failure, an error) with its lines joined. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

/**
 * Rows under a header, columns padded to their widest cell and two spaces apart; each line cut to
 * `width` when given (a terminal's), so nothing wraps.
 */
export function table(header: readonly string[], cells: readonly (readonly string[])[], width?: number): string[] {
  const rows = cells.map((row) => row.map(oneLine));
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join("  ")
      .trimEnd();
  const lines = [line(header), ...rows.map(line)];
  return width === undefined ? lines : lines.map((text) => fit(text, width));
}
