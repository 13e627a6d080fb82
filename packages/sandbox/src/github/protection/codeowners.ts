/** Where GitHub looks for the code owners file on the base branch, in this order; the first found is used. */
export const CODEOWNERS_PATHS = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"] as const;

/** One line of a `CODEOWNERS` file: a path pattern and its owners as written (`@maya`, `@org/team`, an email). */
export interface CodeOwnersRule {
  pattern: string;
  matches: (path: string) => boolean;
  owners: string[];
}

/** Splits a line at whitespace that is not escaped with a backslash. */
function tokens(line: string): string[] {
  return line
    .split(/(?<!\\)\s+/)
    .filter((token) => token !== "")
    .map((token) => token.replace(/\\(.)/g, "$1"));
}

const escapeRegExp = (text: string): string => text.replace(/[.+^${}()|[\]\\]/g, "\\$&");

/** One pattern segment's characters: `*` stays within a directory, `?` is one character. */
function segmentSource(text: string): string {
  return escapeRegExp(text).replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]");
}

/** The pattern's body as a regular expression: `**` crosses directories, the rest stays within one. */
function bodySource(body: string): string {
  return body
    .split("/")
    .map((segment, index, all) => {
      if (segment !== "**") return segmentSource(segment);
      return index === all.length - 1 ? ".*" : "(?:.*/)?";
    })
    .join("/")
    .replace(/\(\?:\.\*\/\)\?\//g, "(?:.*/)?");
}

/**
 * GitHub's reading of a pattern (gitignore's, without `!` and `[...]`): a pattern with a slash
 * before its end is anchored at the root, one without matches at any depth; a trailing slash
 * matches a directory's contents; a match on a directory covers everything below it, except
 * that `dir/*` matches only the files directly in `dir`.
 */
export function patternMatcher(pattern: string): (path: string) => boolean {
  const directoryOnly = pattern.endsWith("/");
  const trimmed = pattern.replace(/\/+$/, "");
  const anchored = trimmed.includes("/");
  const body = bodySource(trimmed.replace(/^\//, ""));
  const prefix = anchored ? "^" : "^(?:.*/)?";
  const below = directoryOnly ? "/.*" : trimmed.endsWith("/*") ? "" : "(?:/.*)?";
  const expression = new RegExp(`${prefix}${body}${below}$`);
  return (path) => expression.test(path);
}

/** Parses a `CODEOWNERS` file: comments and blank lines are skipped, each other line is a rule. */
export function parseCodeOwners(text: string): CodeOwnersRule[] {
  const rules: CodeOwnersRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const [pattern, ...rest] = tokens(trimmed);
    if (pattern === undefined) continue;
    const end = rest.findIndex((token) => token.startsWith("#"));
    const owners = end === -1 ? rest : rest.slice(0, end);
    rules.push({ pattern, matches: patternMatcher(pattern), owners });
  }
  return rules;
}

/** The owners of `path`: the last matching line wins, and a matching line without owners leaves it unowned. */
export function ownersOf(rules: readonly CodeOwnersRule[], path: string): string[] {
  for (let index = rules.length - 1; index >= 0; index -= 1) {
    const rule = rules[index];
    if (rule?.matches(path)) return rule.owners;
  }
  return [];
}

/** The login an owner names when it is a user (`@maya`); teams (`@org/team`) and emails give null. */
export function ownerLogin(owner: string): string | null {
  return /^@([A-Za-z0-9](?:[A-Za-z0-9-]*))$/.exec(owner)?.[1] ?? null;
}
