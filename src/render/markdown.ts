import { codeSpan } from "./code-span.ts";
import { defuse, markdown, neutralizeMarkdown, type SafeMarkdown } from "./neutralize-markdown.ts";

/** Untrusted text on one line: newlines become spaces, then it is neutralised. */
export function singleLine(text: string): SafeMarkdown {
  return neutralizeMarkdown(text.replace(/\s+/g, " ").trim());
}

/**
 * Untrusted text as a code span, whatever backticks it holds (the fence is longer than any run
 * inside, see `codeSpan`), and defused like any other text: a mention in it stays dead even where
 * a parser would not read the span as code.
 */
export function inlineCode(text: string): SafeMarkdown {
  return defuse(codeSpan(text)) as SafeMarkdown;
}

/**
 * Untrusted text after a label of Foreman's (`**Why:** …`): on the label's line when it is one
 * line, otherwise as its own paragraph after it, so that a fence or a list in it starts a line
 * as it did where it was written.
 */
export function labelled(label: SafeMarkdown, text: string): SafeMarkdown {
  const neutral = neutralizeMarkdown(text.trim());
  return neutral.includes("\n") ? markdown`${label}\n\n${neutral}` : markdown`${label} ${neutral}`;
}

/** Untrusted text in a table cell: one line, pipes escaped. */
export function tableCell(text: string): SafeMarkdown {
  return singleLine(text).replace(/\|/g, "\\|") as SafeMarkdown;
}

/**
 * A list item whose untrusted text may span lines; continuation lines are indented to the
 * item's content column (`- [ ] x` has its content at column 2, `10. x` at column 4).
 */
export function listItem(marker: ListMarker, text: string): SafeMarkdown {
  const indent = " ".repeat((marker.split(" ")[0] ?? marker).length + 1);
  const [first = "", ...rest] = neutralizeMarkdown(text.trim()).split("\n");
  return [`${marker} ${first}`, ...rest.map((line) => (line.length > 0 ? `${indent}${line}` : ""))].join("\n") as SafeMarkdown;
}

/** `-`, `- [ ]` or a number followed by a dot. */
export type ListMarker = "-" | "- [ ]" | `${number}.`;

/** Untrusted text as a block quote. */
export function blockquote(text: string): SafeMarkdown {
  return neutralizeMarkdown(text.trim())
    .split("\n")
    .map((line) => (line.length > 0 ? `> ${line}` : ">"))
    .join("\n") as SafeMarkdown;
}

/** A GitHub login as Foreman names it: readable as `@login`, but it notifies no one. */
export function login(name: string): SafeMarkdown {
  return neutralizeMarkdown(`@${name.replace(/\s+/g, "")}`);
}

/** A commit as its first seven characters; anything that is not a hexadecimal SHA as a code span. */
export function shortSha(sha: string): SafeMarkdown {
  return /^[0-9a-f]{7,64}$/i.test(sha) ? neutralizeMarkdown(sha.slice(0, 7)) : inlineCode(sha);
}

/** 1234567 → "1,234,567", the same on every machine. */
export function formatCount(value: number): SafeMarkdown {
  return neutralizeMarkdown(
    Math.round(value)
      .toString()
      .replace(/\B(?=(\d{3})+(?!\d))/g, ","),
  );
}

/** 1.234 → "$1.23". */
function formatUsd(value: number): SafeMarkdown {
  return neutralizeMarkdown(`$${value.toFixed(2)}`);
}

/** `unpricedTokens`: tokens of models without a known price, in the counts but in no cost. */
export type Usage = { promptTokens: number; completionTokens: number; costUsd: number; unpricedTokens?: number | undefined };

/**
 * The cost as far as it is known: a model without a price is never shown as costing $0, and its
 * tokens count against the token budget alone (`limits.tokensPerIssue`).
 */
function formatCost(usage: Usage): SafeMarkdown {
  const unpriced = usage.unpricedTokens ?? 0;
  if (unpriced <= 0) return formatUsd(usage.costUsd);
  if (unpriced >= usage.promptTokens + usage.completionTokens) return markdown`price unknown; budget counted in tokens`;
  return markdown`${formatUsd(usage.costUsd)} + price unknown for ${formatCount(unpriced)} tokens (counted in the token budget only)`;
}

export function formatUsage(usage: Usage): SafeMarkdown {
  return markdown`${formatCount(usage.promptTokens)} tokens in · ${formatCount(usage.completionTokens)} tokens out · ${formatCost(usage)}`;
}

/** 4_380_000 ms → "1 h 13 min"; under a minute, seconds. */
export function formatDuration(milliseconds: number): SafeMarkdown {
  const seconds = Math.max(0, Math.round(milliseconds / 1000));
  if (seconds < 60) return markdown`${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 === 0 ? markdown`${minutes} min` : markdown`${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? markdown`${hours} h` : markdown`${hours} h ${minutes % 60} min`;
}
