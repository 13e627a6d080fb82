import picomatch from "picomatch/posix.js";

/**
 * Path globs, matched against paths relative to the repository root with `/` between folders:
 * `*`, `?`, `**`, `{a,b}`, `[abc]`, `[!abc]`, extglobs. Dotfiles match like any other file;
 * case counts. Paths never depend on the host: backslashes escape, they never separate folders.
 */
const OPTIONS: picomatch.PicomatchOptions = { dot: true, posix: true, strictBrackets: true, nocase: false };

/** What picomatch compiles a pattern to when the regular expression it built is invalid. */
const NEVER_MATCHES = "$^";

/** A pattern that cannot be compiled, with the reason in the user's terms. */
export class InvalidGlobError extends Error {
  readonly glob: string;
  readonly reason: string;

  constructor(glob: string, reason: string, options?: { cause?: unknown }) {
    super(`invalid glob ${JSON.stringify(glob)}: ${reason}`, options);
    this.name = "InvalidGlobError";
    this.glob = glob;
    this.reason = reason;
  }
}

export type GlobMatcher = (path: string) => boolean;

const compiled = new Map<string, GlobMatcher>();
const CACHE_LIMIT = 1000;

/** Compiles a glob (once per pattern); throws InvalidGlobError when it cannot be parsed. */
export function compileGlob(glob: string): GlobMatcher {
  const known = compiled.get(glob);
  if (known) return known;
  const matcher = build(glob);
  if (compiled.size >= CACHE_LIMIT) compiled.clear();
  compiled.set(glob, matcher);
  return matcher;
}

function build(glob: string): GlobMatcher {
  let regex: RegExp;
  try {
    regex = picomatch.makeRe(glob, OPTIONS);
  } catch (error) {
    throw new InvalidGlobError(glob, parserReason(error), { cause: error });
  }
  if (regex.source === NEVER_MATCHES) throw new InvalidGlobError(glob, "a character class or range in it is invalid");
  return (path) => regex.test(path);
}

const PARTNERS: Readonly<Record<string, string>> = { "]": "[", "}": "{", ")": "(", "[": "]", "{": "}", "(": ")" };

/** `Missing closing: "]" - use "\\]" …` → `"[" has no closing "]" (write \[ to match "[" itself)`. */
function parserReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const missing = /^Missing (opening|closing): "(.)"/.exec(message);
  const absent = missing?.[2];
  const present = absent === undefined ? undefined : PARTNERS[absent];
  if (!missing || absent === undefined || present === undefined) return message.split("\n")[0] ?? message;
  return `"${present}" has no ${missing[1]} "${absent}" (write \\${present} to match "${present}" itself)`;
}

/** The first glob that matches the path, or null. */
export function matchesAny(path: string, globs: readonly string[]): string | null {
  return globs.find((glob) => compileGlob(glob)(path)) ?? null;
}
