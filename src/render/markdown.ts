import { neutralizeMarkdown, stripHtmlComments } from "./neutralize-markdown.ts";

/** Untrusted text on one line: newlines become spaces, then it is neutralised. */
export function singleLine(text: string): string {
  return neutralizeMarkdown(text.replace(/\s+/g, " ").trim());
}

/** Untrusted text as a code span, whatever backticks it holds. */
export function inlineCode(text: string): string {
  const content = stripHtmlComments(text).replace(/\s+/g, " ");
  const longestRun = Math.max(0, ...[...content.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = "`".repeat(longestRun + 1);
  const padding = content.startsWith("`") || content.endsWith("`") ? " " : "";
  return `${fence}${padding}${content}${padding}${fence}`;
}

/** Untrusted text in a table cell: one line, pipes escaped. */
export function tableCell(text: string): string {
  return singleLine(text).replace(/\|/g, "\\|");
}

/**
 * A list item whose untrusted text may span lines; continuation lines are indented to the
 * item's content column (`- [ ] x` has its content at column 2, `10. x` at column 4).
 */
export function listItem(marker: string, text: string): string {
  const indent = " ".repeat((marker.split(" ")[0] ?? marker).length + 1);
  const [first = "", ...rest] = neutralizeMarkdown(text.trim()).split("\n");
  return [`${marker} ${first}`, ...rest.map((line) => (line.length > 0 ? `${indent}${line}` : ""))].join("\n");
}

/** Untrusted text as a block quote. */
export function blockquote(text: string): string {
  return neutralizeMarkdown(text.trim())
    .split("\n")
    .map((line) => (line.length > 0 ? `> ${line}` : ">"))
    .join("\n");
}

/** 1234567 → "1,234,567", the same on every machine. */
export function formatCount(value: number): string {
  return Math.round(value).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** 1.234 → "$1.23". */
export function formatUsd(value: number): string {
  return `$${value.toFixed(2)}`;
}

export type Usage = { promptTokens: number; completionTokens: number; costUsd: number };

export function formatUsage(usage: Usage): string {
  return `${formatCount(usage.promptTokens)} tokens in · ${formatCount(usage.completionTokens)} tokens out · ${formatUsd(usage.costUsd)}`;
}

/** 4_380_000 ms → "1 h 13 min"; under a minute, seconds. */
export function formatDuration(milliseconds: number): string {
  const seconds = Math.max(0, Math.round(milliseconds / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

