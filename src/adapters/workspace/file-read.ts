import type { FileRead, LineRange } from "../../ports/workspace.ts";

/** Git's own test for binary data: a NUL byte in the first 8000 bytes. */
const BINARY_PROBE_BYTES = 8000;

function countLines(text: string): number {
  if (text === "") return 0;
  const newlines = text.split("\n").length - 1;
  return text.endsWith("\n") ? newlines : newlines + 1;
}

function sliceLines(text: string, totalLines: number, range: LineRange): string {
  const from = Math.max(1, Math.floor(range.from));
  const to = Math.min(totalLines, Math.floor(range.to));
  if (to < from) return "";
  const lines = text.split("\n").slice(from - 1, to);
  return to < totalLines || text.endsWith("\n") ? `${lines.join("\n")}\n` : lines.join("\n");
}

/** A blob's bytes as the port returns them: text (whole, or the lines asked for), or flagged as binary. */
export function fileRead(bytes: Buffer, truncated: boolean, range: LineRange | undefined): FileRead {
  if (bytes.subarray(0, BINARY_PROBE_BYTES).includes(0)) return { content: "", totalLines: 0, binary: true, truncated };
  const text = bytes.toString("utf8");
  const totalLines = countLines(text);
  const content = range === undefined ? text : sliceLines(text, totalLines, range);
  return { content, totalLines, binary: false, truncated };
}
