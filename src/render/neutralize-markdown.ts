/**
 * Makes text that came from users or the model safe to put in a comment or PR body:
 * it cannot mention people, close issues, show images or hide a marker. Code blocks
 * and code spans keep their text, as GitHub neither links nor mentions inside them,
 * but HTML comments are removed everywhere, and a code block left open is closed so
 * that it cannot swallow what follows.
 */
export function neutralizeMarkdown(text: string): string {
  const { parts, openFence } = splitCode(stripHtmlComments(text));
  const neutral = parts.map((part) => (part.code ? part.text : neutralizeProse(part.text))).join("");
  if (openFence === undefined) return neutral;
  return `${neutral}${neutral.endsWith("\n") ? "" : "\n"}${openFence}`;
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
 * plain text: no mention notifies anyone and no closing keyword (a squash merge puts the title in
 * the commit) closes an issue. Unlike in markdown, code spans get no exception.
 */
export function neutralizePlainText(text: string): string {
  return breakClosingKeywords(escapeMentions(text));
}

const ZERO_WIDTH_SPACE = "\u200b";

function neutralizeProse(text: string): string {
  return breakClosingKeywords(escapeMentions(removeImages(text)));
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
