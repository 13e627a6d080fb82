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
 * Untrusted text in a fenced code block, where GitHub links and mentions nothing: a fence in the
 * text cannot close the block early (three backticks become three quotes), and HTML comments are
 * removed, as markers are read from the raw text.
 */
export function codeBlock(language: "text" | "mermaid", text: string): SafeMarkdown {
  return ["```" + language, stripHtmlComments(text).replaceAll("```", "'''"), "```"].join("\n") as SafeMarkdown;
}

const HIDDEN_MARKER = /^<!-- foreman:[a-z-]+(?: [^<>\n]*)? -->$/;

/** A hidden marker Foreman writes to find its own text again; anything else is refused. */
export function hiddenMarker(marker: string): SafeMarkdown {
  if (!HIDDEN_MARKER.test(marker)) throw new RangeError(`not a Foreman marker: ${JSON.stringify(marker.slice(0, 80))}`);
  return marker as SafeMarkdown;
}

/**
 * Makes text that came from users or the model safe to put in a comment or PR body:
 * it cannot mention people or teams, close issues, reference other issues (GitHub would
 * notify them with a cross-reference), show images or hide a marker. Code blocks and code
 * spans keep their text, as GitHub neither links nor mentions inside them, but HTML comments
 * are removed everywhere, and a code block left open is closed so that it cannot swallow
 * what follows. Neutralising neutral text changes nothing.
 */
export function neutralizeMarkdown(text: string): SafeMarkdown {
  const { parts, openFence } = splitCode(stripHtmlComments(text));
  const neutral = parts.map((part) => (part.code ? part.text : neutralizeProse(part.text))).join("");
  if (openFence === undefined) return neutral as SafeMarkdown;
  return `${neutral}${neutral.endsWith("\n") ? "" : "\n"}${openFence}` as SafeMarkdown;
}

/** Removes every HTML comment, including an unterminated one and ones formed by removing others. */
export function stripHtmlComments(text: string): string {
  let current = text;
  for (;;) {
    const next = current.replace(/<!--[\s\S]*?(?:-->|$)/g, "");
    if (next === current) return current;
    current = next;
  }
}

/**
 * Makes model text safe for a commit message or a pull request title, which GitHub reads as
 * plain text: no mention notifies anyone, no closing keyword (a squash merge puts the title in
 * the commit) closes an issue and no reference adds to another issue's timeline. Unlike in
 * markdown, code spans get no exception.
 */
export function neutralizePlainText(text: string): SafePlainText {
  return breakReferences(breakClosingKeywords(escapeMentions(text))) as SafePlainText;
}

const ZERO_WIDTH_SPACE = "\u200b";

function neutralizeProse(text: string): string {
  return breakReferences(breakClosingKeywords(escapeMentions(removeImages(text))));
}

function removeImages(text: string): string {
  return text
    .replace(/<\s*\/?\s*(?:img|picture|source|video|audio|iframe|svg)\b[^>]*>?/gi, "")
    .replace(/!\[([^\]\n]*)\]\([^)\n]*\)/g, "(image removed)")
    .replace(/!\[/g, "!\\[");
}

/** `@name` and `@org/team` become `@\u200bname`, which GitHub does not link or notify. */
function escapeMentions(text: string): string {
  return text.replace(/&(?:#0*64|#x0*40|commat);?/gi, "@").replace(/(?<![A-Za-z0-9])@(?=[A-Za-z0-9])/g, `@${ZERO_WIDTH_SPACE}`);
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
    .replace(/&(?:#0*35|#x0*23|num);?/gi, "#")
    .replace(/(^|[^\w&]|[\w.-]+\/[\w.-]+)#(?=\d)/g, `$1#${ZERO_WIDTH_SPACE}`)
    .replace(/\bGH-(?=\d)/gi, (prefix) => `${prefix}${ZERO_WIDTH_SPACE}`)
    .replace(/(\bhttps?:\/\/[^\s/]+\/[\w.-]+\/[\w.-]+\/(?:issues|pull|discussions)\/)(?=\d)/gi, `$1${ZERO_WIDTH_SPACE}`);
}

type Part = { code: boolean; text: string };

/** Splits text into fenced code blocks, inline code spans and the prose between them. */
function splitCode(text: string): { parts: Part[]; openFence?: string } {
  const parts: Part[] = [];
  let prose = "";
  let fence: { marker: string; length: number } | undefined;
  for (const line of text.split(/(?<=\n)/)) {
    const match = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      parts.push({ code: true, text: line });
      const closes = match?.[1] !== undefined && match[1][0] === fence.marker && match[1].length >= fence.length;
      if (closes && /^ {0,3}[`~]+\s*$/.test(line)) fence = undefined;
    } else if (match?.[1] !== undefined) {
      parts.push(...splitCodeSpans(prose), { code: true, text: line });
      prose = "";
      fence = { marker: match[1][0] ?? "`", length: match[1].length };
    } else {
      prose += line;
    }
  }
  parts.push(...splitCodeSpans(prose));
  return fence ? { parts, openFence: fence.marker.repeat(fence.length) } : { parts };
}

function splitCodeSpans(text: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const match of text.matchAll(/(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g)) {
    parts.push({ code: false, text: text.slice(last, match.index) }, { code: true, text: match[0] });
    last = match.index + match[0].length;
  }
  parts.push({ code: false, text: text.slice(last) });
  return parts.filter((part) => part.text.length > 0);
}
