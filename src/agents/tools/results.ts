import { fenceUntrusted, redactText, sanitizeSource } from "../../policy/sanitize.ts";
import type { FileRead, SearchResult } from "../../ports/workspace.ts";

/** How much one tool result may hold. */
export const RESULT_LIMITS = {
  /** Characters of a file read. */
  fileChars: 24_000,
  /** Paths a listing shows. */
  listPaths: 200,
  /** Lines a search shows. */
  searchHits: 60,
  /** Characters of one line a search shows. */
  hitChars: 240,
  /** Characters of an error, which may quote what the model sent. */
  errorChars: 600,
};

/** A path as it appears in a result's first line: one line, no backticks. */
export function shownPath(path: string): string {
  return `\`${path.replace(/[\r\n`]/g, "?").slice(0, 300)}\``;
}

/**
 * A tool's result: a first line that says what it is (kept when the result is shortened later),
 * then the data, fenced as untrusted.
 */
export interface ToolResult {
  header: string;
  body: string;
}

export function resultText(result: ToolResult): string {
  return result.body === "" ? result.header : `${result.header}\n${result.body}`;
}

/** A tool call that could not be done, said plainly so the model can correct it. */
export function toolError(message: string): ToolResult {
  const text = redactText(message.replace(/[\r\n]+/g, " "));
  return { header: `Error: ${text.length > RESULT_LIMITS.errorChars ? `${text.slice(0, RESULT_LIMITS.errorChars)}…` : text}`, body: "" };
}

export function fileResult(path: string, read: FileRead, range: { from: number; to: number } | undefined): ToolResult {
  if (read.binary) return { header: `${shownPath(path)} holds binary data; it cannot be read as text.`, body: "" };
  const lines = range ? `lines ${range.from}-${Math.min(range.to, read.totalLines)} of ${read.totalLines}` : `${read.totalLines} lines`;
  const cut = read.truncated ? " (the file is too large: only its beginning was read)" : "";
  const text = sanitizeSource(read.content, RESULT_LIMITS.fileChars);
  const more = text.length < read.content.length ? "\n(cut: read the rest with `from` and `to`)" : "";
  return { header: `File ${shownPath(path)}, ${lines}${cut}:`, body: `${fenceUntrusted(`file:${path}`, text)}${more}` };
}

export function listResult(pattern: string, paths: readonly string[], truncated: boolean): ToolResult {
  const what = pattern === "" ? "the repository" : shownPath(pattern);
  if (paths.length === 0) return { header: `No files match ${what}.`, body: "" };
  const more = truncated ? `\n(more files match: narrow the pattern)` : "";
  return {
    header: `${paths.length} file${paths.length === 1 ? "" : "s"} in ${what}:`,
    body: `${fenceUntrusted("file-list", sanitizeSource(paths.join("\n")))}${more}`,
  };
}

function hitLine(hit: SearchResult["hits"][number]): string {
  const text = hit.text.length > RESULT_LIMITS.hitChars ? `${hit.text.slice(0, RESULT_LIMITS.hitChars)}…` : hit.text;
  return `${hit.path}:${hit.line}: ${text}`;
}

export function searchResult(regex: string, where: string | undefined, found: SearchResult): ToolResult {
  const scope = where === undefined ? "" : ` in ${shownPath(where)}`;
  const pattern = shownPath(regex);
  if (found.hits.length === 0) return { header: `No line matches ${pattern}${scope}.`, body: "" };
  const more = found.truncated ? `\n(more lines match: narrow the expression or the path)` : "";
  return {
    header: `${found.hits.length} line${found.hits.length === 1 ? "" : "s"} match ${pattern}${scope} (path:line: text):`,
    body: `${fenceUntrusted("search", sanitizeSource(found.hits.map(hitLine).join("\n")))}${more}`,
  };
}
