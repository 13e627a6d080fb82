import type { LineRange } from "../../ports/workspace.ts";

/** Lines in a text: a last line without a newline counts, an empty text has none. */
export function countLines(text: string): number {
  if (text === "") return 0;
  const newlines = text.split("\n").length - 1;
  return text.endsWith("\n") ? newlines : newlines + 1;
}

/** Lines `from` to `to` (counted from 1, both included) of a text, as the workspace reads them. */
export function sliceLines(text: string, range: LineRange): string {
  const total = countLines(text);
  const from = Math.max(1, Math.floor(range.from));
  const to = Math.min(total, Math.floor(range.to));
  if (to < from) return "";
  const lines = text.split("\n").slice(from - 1, to);
  return to < total || text.endsWith("\n") ? `${lines.join("\n")}\n` : lines.join("\n");
}
