import { redactText } from "../policy/sanitize.ts";
import { removeComments } from "./code-span.ts";

declare const SAFE_MARKDOWN: unique symbol;

/**
 * Markdown Foreman may post. Only this module and the render functions built on it produce it:
 * text from users or the model in it went through `neutralizeMarkdown`, and the rest is Foreman's
 * own words, written in code. Effects and port methods that post text take this type, so a raw
 * string cannot be posted without a type error.
 */
export type SafeMarkdown = string & { readonly [SAFE_MARKDOWN]: true };

declare const SAFE_PLAIN_TEXT: unique symbol;

/** Plain text Foreman may write where GitHub reads no markdown (a commit message, a pull request title). */
export type SafePlainText = string & { readonly [SAFE_PLAIN_TEXT]: true };

/**
 * Markdown written in code: the literal parts are Foreman's own words, and every value put into
 * them is already safe (a render function's output) or a number. Not exported outside `src/render`.
 */
export function markdown(literals: TemplateStringsArray, ...values: ReadonlyArray<SafeMarkdown | number>): SafeMarkdown {
  return literals.reduce(
    (text, literal, index) => text + literal + (index < values.length ? String(values[index]) : ""),
    "",
  ) as SafeMarkdown;
}

/** Plain text written in code, as `markdown` is for markdown. */
export function plainText(literals: TemplateStringsArray, ...values: ReadonlyArray<SafePlainText | number>): SafePlainText {
  return literals.reduce(
    (text, literal, index) => text + literal + (index < values.length ? String(values[index]) : ""),
    "",
  ) as SafePlainText;
}

export type Separator = "" | " " | "\n" | "\n\n" | ", " | "; ";

/** Safe pieces joined by one of a few fixed separators. */
export function joinMarkdown(parts: readonly SafeMarkdown[], separator: Separator): SafeMarkdown {
  return parts.join(separator) as SafeMarkdown;
}

/**
 * Untrusted text in a fenced code block (`text`), or Foreman's mermaid graph built from labels
 * that `mermaidLabel` already made safe. A fence in the text cannot close the block early (three
 * backticks become three quotes), and HTML comments are removed, as markers are read from the raw
 * text. Text is defused as everywhere else (mentions, closing keywords, references, secrets): a
 * zero-width space is invisible in code, and the block must stay harmless even where it is not
 * read as one.
 */
export function codeBlock(language: "text" | "mermaid", text: string): SafeMarkdown {
  const body = language === "text" ? defuse(stripHtmlComments(text)) : stripHtmlComments(text);
  return ["```" + language, body.replaceAll("```", "'''"), "```"].join("\n") as SafeMarkdown;
}

const HIDDEN_MARKER = /^<!-- foreman:[a-z-]+(?: [^<>\n]*)? -->$/;

/** A hidden marker Foreman writes to find its own text again; anything else is refused. */
export function hiddenMarker(marker: string): SafeMarkdown {
  if (!HIDDEN_MARKER.test(marker)) throw new RangeError(`not a Foreman marker: ${JSON.stringify(marker.slice(0, 80))}`);
  return marker as SafeMarkdown;
}

/**
 * Makes text that came from users or the model safe to put in a comment or PR body: it cannot
 * mention people or teams, close issues, reference other issues (GitHub would notify them with a
 * cross-reference), show images, hide a marker or publish a secret of a known shape.
 *
 * This holds inside code spans and code blocks too. Keeping code verbatim would rest on finding
 * code exactly as GitHub does, and a parser that disagrees (a backslash before a backtick, a span
 * across list items, a fence whose info string holds a backtick, text placed after a prefix on its
 * line) would leave a mention live; a zero-width space in code is invisible. A code block left
 * open is closed, so that it cannot swallow what follows. Neutralising neutral text changes nothing.
 */
export function neutralizeMarkdown(text: string): SafeMarkdown {
  const neutral = defuse(removeImages(stripHtmlComments(text)));
  const fence = openFence(neutral);
  if (fence === undefined) return neutral as SafeMarkdown;
  return `${neutral}${neutral.endsWith("\n") ? "" : "\n"}${fence}` as SafeMarkdown;
}

/** Removes every HTML comment, including an unterminated one and ones formed by removing others. */
export function stripHtmlComments(text: string): string {
  return removeComments(text);
}

/**
 * Makes model text safe for a commit message or a pull request title, which GitHub reads as
 * plain text: no mention notifies anyone, no closing keyword (a squash merge puts the title in
 * the commit) closes an issue, no reference adds to another issue's timeline, no secret of a
 * known shape is published and no HTML comment can pass for one of Foreman's markers.
 */
export function neutralizePlainText(text: string): SafePlainText {
  return defuse(stripHtmlComments(text)) as SafePlainText;
}

const ZERO_WIDTH_SPACE = "\u200b";

/**
 * What makes any untrusted text harmless wherever it stands, code or prose: secrets of a known
 * shape redacted, character references to letters, digits, `@` and `#` decoded (so that none can
 * spell a mention or a reference), then mentions, closing keywords and references broken with a
 * zero-width space. It adds and removes no backtick, so a code span built before stays one span.
 */
export function defuse(text: string): string {
  return breakReferences(breakClosingKeywords(escapeMentions(decodeCharacterReferences(redactText(text)))));
}

/** `&#64;`, `&#x40;`, `&commat;`, `&#35;`, `&num;` and numeric references to letters and digits, as the characters they stand for. */
function decodeCharacterReferences(text: string): string {
  const character = (code: number, reference: string): string => {
    const decoded = code <= 0x10ffff ? String.fromCodePoint(code) : "";
    return /^[A-Za-z0-9@#]$/.test(decoded) ? decoded : reference;
  };
  return text
    .replace(/&#0*(\d{1,7});?/g, (reference, code: string) => character(Number(code), reference))
    .replace(/&#x0*([0-9a-f]{1,6});?/gi, (reference, code: string) => character(Number.parseInt(code, 16), reference))
    .replace(/&commat;?/gi, "@")
    .replace(/&num;?/gi, "#");
}

/** Markdown and HTML images go; no backtick is removed with them, so code spans keep their shape. */
function removeImages(text: string): string {
  return text
    .replace(/<\s*\/?\s*(?:img|picture|source|video|audio|iframe|svg|image)\b[^>`\n]*>?/gi, "")
    .replace(/!\[([^\]\n`]*)\]\([^)\n`]*\)/g, "(image removed)")
    .replace(/!\[/g, "!\\[");
}

/** `@name` and `@org/team` become `@\u200bname`, which GitHub does not link or notify. */
function escapeMentions(text: string): string {
  return text.replace(/(?<![A-Za-z0-9])@(?=[A-Za-z0-9])/g, `@${ZERO_WIDTH_SPACE}`);
}

/** `Fixes #12` in a PR body would close issue 12 on merge; a zero-width space breaks the keyword. */
function breakClosingKeywords(text: string): string {
  const keyword = /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\b(?=\s*:?\s*(?:[\w.-]+\/[\w.-]+#\d|#\d|GH-\d|https?:\/\/))/gi;
  return text.replace(keyword, (word) => `${word.slice(0, 1)}${ZERO_WIDTH_SPACE}${word.slice(1)}`);
}

/**
 * `#12`, `GH-12`, `owner/repo#12` and a link to an issue or pull request (`…/owner/repo/issues/12`)
 * make GitHub add a cross-reference to that timeline; a zero-width space before the number
 * keeps the text readable and references nothing.
 */
function breakReferences(text: string): string {
  return text
    .replace(/(^|[^\w&]|[\w.-]+\/[\w.-]+)#(?=\d)/g, `$1#${ZERO_WIDTH_SPACE}`)
    .replace(/\bGH-(?=\d)/gi, (prefix) => `${prefix}${ZERO_WIDTH_SPACE}`)
    .replace(/(https?:\/\/[^\s/]+\/[\w.-]+\/[\w.-]+\/(?:issues|pull|discussions)\/)(?=\d)/gi, `$1${ZERO_WIDTH_SPACE}`);
}

/**
 * The fence of a fenced code block the text opens and never closes, or undefined. A backtick
 * fence's info string holds no backtick (a line such as ```` ```a` ```` opens nothing).
 */
function openFence(text: string): string | undefined {
  let fence: { marker: string; length: number } | undefined;
  for (const line of text.split("\n")) {
    const match = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    const run = match?.[1];
    if (match === null || run === undefined) continue;
    const marker = run[0] ?? "`";
    const rest = match[2] ?? "";
    if (fence === undefined) {
      if (marker !== "`" || !rest.includes("`")) fence = { marker, length: run.length };
    } else if (marker === fence.marker && run.length >= fence.length && /^\s*$/.test(rest)) {
      fence = undefined;
    }
  }
  return fence ? fence.marker.repeat(fence.length) : undefined;
}
