/**
 * Whether every path of a repository can be reached through the agents' own tools: a crawl that
 * starts from nothing and uses `list_files` alone, reading the tool's results as a model reads
 * them. A listing shows its first paths in sorted order and says when it was cut, so what it did
 * not show sorts after the last path it showed: the crawl lists exactly that part again (the
 * paths that leave the last one shown at some character for a later one, and those that extend
 * it), until no listing is cut. Paths are taken to be printable ASCII (Foreman refuses
 * backslashes in paths).
 */

/** One `list_files` result as a model reads it: the paths shown, and whether more matched. */
export interface Listing {
  paths: string[];
  truncated: boolean;
}

/** What the crawl reached, and the `list_files` calls it took. */
export interface CrawlResult {
  reached: Set<string>;
  listCalls: number;
}

/** Paths that start with `prefix`; with `after`, only those whose next character sorts after it. */
export interface Scope {
  prefix: string;
  after?: string;
}

const PRINTABLE = Array.from({ length: 0x7f - 0x20 }, (_, index) => String.fromCharCode(0x20 + index)).filter(
  (character) => character !== "\\",
);

/** Every character but letters, digits, `_` and `/` is escaped: each then stands for itself. */
const escapeGlob = (text: string): string => text.replace(/[^A-Za-z0-9_/]/g, "\\$&");

/**
 * A bracket expression for the characters that sort after `after`, or null when none does. `]`
 * comes first and `-` last, `!` and `^` never first: so each stands for itself.
 */
function charactersAfter(after: string): string | null {
  const characters = PRINTABLE.filter((character) => character > after);
  if (characters.length === 0) return null;
  const at = (wanted: string): string[] => characters.filter((character) => wanted.includes(character));
  const rest = characters.filter((character) => !"]-!^".includes(character));
  return `[${[...at("]"), ...rest, ...at("!^"), ...at("-")].join("")}]`;
}

/** The `list_files` pattern for a scope ("" lists everything), or null when the scope is empty. */
export function scopePattern(scope: Scope): string | null {
  const prefix = escapeGlob(scope.prefix);
  if (scope.after === undefined) return scope.prefix === "" ? "" : `${prefix}{*,*/**}`;
  const next = charactersAfter(scope.after);
  return next === null ? null : `${prefix}${next}{*,*/**}`;
}

/** A `list_files` result's text (header, then the fenced paths) read back into paths. */
export function readListing(text: string): Listing {
  const lines = text.split("\n");
  const open = lines.findIndex((line) => line.startsWith("~~~~~~~~"));
  if (open < 0) return { paths: [], truncated: false };
  const close = lines.findIndex((line, index) => index > open && line.startsWith("~~~~~~~~"));
  return { paths: lines.slice(open + 1, close < 0 ? undefined : close), truncated: text.includes("(more files match") };
}

/**
 * The scopes that hold what a cut listing of `scope` did not show, `last` being the last path it
 * showed: for each character of `last` from the end of the scope's prefix on, the paths that agree
 * with `last` before it and go on with a later character; and the paths that extend `last` (any
 * next character sorts after "").
 */
function unshownScopes(scope: Scope, last: string): Scope[] {
  const from = scope.prefix.length;
  const leaving = Array.from({ length: Math.max(0, last.length - from) }, (_, index) => ({
    prefix: last.slice(0, from + index),
    after: last.charAt(from + index),
  }));
  return [...leaving, { prefix: last, after: "" }];
}

/** Whether `path` is one of the paths `scope` stands for. */
function inScope(scope: Scope, path: string): boolean {
  if (!path.startsWith(scope.prefix)) return false;
  return scope.after === undefined || path.charAt(scope.prefix.length) > scope.after;
}

/**
 * The scopes of each character after `scope.after`, one by one: their patterns hold no bracket
 * expression. A bracket (`[~]`) also matches its own text (a folder named `[~]`), as picomatch
 * reads globs, so a cut listing may show only such paths from outside its scope.
 */
function characterScopes(scope: Scope): Scope[] {
  return PRINTABLE.filter((character) => character > (scope.after ?? "")).map((character) => ({ prefix: `${scope.prefix}${character}` }));
}

/** A crawl that lists more than this is not converging: it stops with an error rather than running on. */
const MAX_LIST_CALLS = 100_000;

/** Lists from the whole repository down, listing again what each cut listing did not show; returns the paths it saw. */
export async function crawl(list: (pattern: string) => Promise<Listing>): Promise<CrawlResult> {
  const reached = new Set<string>();
  const pending: Scope[] = [{ prefix: "" }];
  let listCalls = 0;
  for (let scope = pending.pop(); scope !== undefined; scope = pending.pop()) {
    const pattern = scopePattern(scope);
    if (pattern === null) continue;
    if (listCalls >= MAX_LIST_CALLS) throw new Error(`the crawl listed ${MAX_LIST_CALLS} times without reaching every path`);
    const listing = await list(pattern);
    listCalls += 1;
    for (const path of listing.paths) reached.add(path);
    if (!listing.truncated) continue;
    const last = listing.paths.filter((path) => inScope(scope, path)).at(-1);
    pending.push(...(last === undefined ? characterScopes(scope) : unshownScopes(scope, last)));
  }
  return { reached, listCalls };
}
