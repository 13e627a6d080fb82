/** An opening tag that hides its element: a `hidden` attribute or an inline `display: none`. */
const HIDDEN_OPENING = /<([a-z][a-z0-9]*)\b[^>]*\b(?:hidden|style\s*=\s*["'][^"']*display\s*:\s*none)[^>]*>/i;

/** Elements without content or closing tag. */
const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);

/** Where the element whose opening tag ends just before `text` ends: after its matching closing tag, or the end of the text. */
function elementEnd(text: string, tag: string): number {
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, "gi");
  let depth = 1;
  for (let match = tags.exec(text); match; match = tags.exec(text)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return match.index + match[0].length;
  }
  return text.length;
}

/**
 * Removes every hidden HTML element with all it contains, nested elements of the same name
 * included. An element left open hides the rest of the text, as it would in a browser.
 */
export function removeHiddenElements(text: string): string {
  let kept = "";
  let rest = text;
  for (let match = HIDDEN_OPENING.exec(rest); match; match = HIDDEN_OPENING.exec(rest)) {
    const tag = (match[1] ?? "").toLowerCase();
    kept += rest.slice(0, match.index);
    rest = rest.slice(match.index + match[0].length);
    if (!VOID_ELEMENTS.has(tag) && !match[0].endsWith("/>")) rest = rest.slice(elementEnd(rest, tag));
  }
  return kept + rest;
}
