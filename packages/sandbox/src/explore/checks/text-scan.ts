/**
 * What GitHub would make of a text: a live @mention (a person or a team notified) or a closing
 * keyword. Code blocks, code spans and HTML comments render as code or not at all, so they are
 * left out; `@` followed by a zero-width space, or preceded by a letter (an e-mail address), is not
 * a mention.
 */

function rendered(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?(?:-->|$)/g, " ")
    .replace(/^(\s*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n\s*\2[^\n]*|$)/gm, " ")
    .replace(/(`+)[\s\S]*?\1/g, " ");
}

const MENTION = /(^|[^A-Za-z0-9_`\\/.-])@([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\/[A-Za-z0-9][A-Za-z0-9_.-]*)?)/g;

/** The live mentions in a text, e.g. `@octocat` or `@acme/owners`. */
export function liveMentions(markdown: string): string[] {
  return [...rendered(markdown).matchAll(MENTION)].map((match) => `@${match[2] ?? ""}`);
}

const CLOSING = /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\b:?[ \t]+(?:[\w.-]+\/[\w.-]+)?#\d+/gi;

/** Closing keywords followed by an issue reference, e.g. `fixes #1`. */
export function closingKeywords(markdown: string): string[] {
  return [...rendered(markdown).matchAll(CLOSING)].map((match) => match[0]);
}

const SECRETS = [
  /\bgh[pousr]_[A-Za-z0-9]{36}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{60,}\b/g,
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
  /\bxox[abpr]-[A-Za-z0-9-]{10,}\b/g,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/g,
];

/** Strings in the formats GitHub's push protection blocks (tokens, cloud keys, private keys); the raw text, code included. */
export function secretsIn(text: string): string[] {
  return SECRETS.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[0].slice(0, 8)));
}
