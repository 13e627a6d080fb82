import { redactSecrets } from "../qa/redact.ts";
import { removeHiddenElements } from "./hidden-html.ts";

/** Zero-width and soft-hyphen characters, bidirectional controls, and Unicode tag characters. */
const INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|[\u{E0000}-\u{E007F}]/gu;
const HTML_COMMENT = /<!--[\s\S]*?(-->|$)/g;

/** A link destination (`<...>` or without spaces) and a link title in any of its three quotings. */
const DESTINATION = String.raw`(?:<[^>\n]*>|[^)\s]+)`;
const TITLE = String.raw`(?:"[^"]*"|'[^']*'|\([^)]*\))`;
/** An inline or reference image: its alt text is hidden from readers. */
const IMAGE = new RegExp(String.raw`!\[[^\]]*\](?:\(\s*${DESTINATION}?(?:\s+${TITLE})?\s*\)|\[[^\]]*\])`, "g");
/** A link with a title, which readers only see on hover. */
const LINK_TITLE = new RegExp(String.raw`\[([^\]]*)\]\(\s*(${DESTINATION})\s+${TITLE}\s*\)`, "g");

/** Applies `clean` until the text stops changing, so that removing one piece cannot assemble another. */
function untilStable(text: string, clean: (text: string) => string): string {
  let previous = text;
  for (let current = clean(text); current !== previous; current = clean(current)) previous = current;
  return previous;
}

function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = /[\uD800-\uDBFF]$/.test(text.slice(0, maxChars)) ? maxChars - 1 : maxChars;
  return `${text.slice(0, cut)}\n[... truncated at ${maxChars} characters]`;
}

/**
 * Replaces token and key shapes (GitHub, OpenAI, AWS, npm, private key blocks, secret-looking
 * assignments) with `[REDACTED:kind]`: for text on its way into a prompt, a comment, a pull
 * request, a commit message or a check run.
 */
export function redactText(text: string): string {
  return redactSecrets(text).text;
}

/**
 * Cleans untrusted text before it reaches a prompt: removes invisible and bidirectional
 * characters, Unicode tag characters, HTML comments, hidden HTML, image alt text and link
 * titles, redacts secrets, and caps the length (after redacting, so no cut leaves half a key).
 */
export function sanitizeUntrusted(text: string, maxChars = 20_000): string {
  const cleaned = untilStable(text.replace(INVISIBLE, ""), (current) => removeHiddenElements(current.replace(HTML_COMMENT, "")))
    .replace(IMAGE, "[image]")
    .replace(LINK_TITLE, "[$1]($2)")
    .replace(/\r\n/g, "\n");
  return truncate(redactText(cleaned), maxChars);
}

const FENCE = "~~~~~~~~";
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", '"': "&quot;", "<": "&lt;", ">": "&gt;" };

/**
 * Wraps untrusted text in a labelled fence so the model treats it as data, not instructions.
 * The text can neither close the fence (runs of eight or more tildes are shortened) nor the
 * `untrusted-data` element, and the label cannot leave its attribute.
 */
export function fenceUntrusted(label: string, text: string): string {
  const source = label.replace(/[\r\n]+/g, " ").replace(/[&"<>]/g, (character) => ATTRIBUTE_ESCAPES[character] ?? "");
  const safe = text.replace(/~{8,}/g, "~~~~~~~").replace(/<(\/?)(untrusted-data)/gi, "&lt;$1$2");
  return `<untrusted-data source="${source}">\n${FENCE}\n${safe}\n${FENCE}\n</untrusted-data>`;
}

/**
 * Cleans source code before it reaches a prompt: invisible, bidirectional and tag characters go
 * (they hide text from reviewers) and secrets are redacted; everything else stays verbatim so that
 * the coder's search blocks match the file they will be applied to.
 */
export function sanitizeSource(text: string, maxChars = 60_000): string {
  return truncate(redactText(text.replace(INVISIBLE, "")), maxChars);
}
