import { parse } from "shell-quote";

/**
 * Command lines an agent may run: split into words as a shell would (quotes, escapes), run with no
 * shell at all, and allowed only when a pattern of the repository's `checks.allow` fits them.
 */

const COMMAND_LINE_MAX_CHARS = 2_000;

/** Why a command line cannot be run, said so the agent (or a maintainer reading the config) can fix it. */
export class CommandLineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CommandLineError";
  }
}

/**
 * The words of a command line. Shell syntax that would need a shell (pipes, redirections, `;`,
 * `&&`, globs, comments, `$` expansions, backticks) is refused: the words run as they are.
 */
export function commandWords(line: string, globs = false): string[] {
  if (line.length > COMMAND_LINE_MAX_CHARS)
    throw new CommandLineError(`the command line is longer than ${COMMAND_LINE_MAX_CHARS} characters`);
  if (/[$`\n\r]/.test(line)) throw new CommandLineError("`$`, backticks and line breaks are not allowed: commands run without a shell");
  const words: string[] = [];
  for (const entry of parse(line)) {
    if (typeof entry === "object" && "op" in entry && entry.op === "glob" && globs) {
      words.push(entry.pattern);
      continue;
    }
    if (typeof entry !== "string") {
      const what = "comment" in entry ? "a comment" : entry.op === "glob" ? `the glob \`${entry.pattern}\`` : `\`${entry.op}\``;
      throw new CommandLineError(`${what} is not allowed: commands run without a shell, one command at a time`);
    }
    words.push(entry);
  }
  if (words.length === 0) throw new CommandLineError("the command line is empty");
  return words;
}

/** Matches one word: `*` in a pattern word stands for any characters. */
function wordFits(pattern: string, word: string): boolean {
  // An option is allowed only where the pattern itself has an option: `pytest *` does not allow `pytest --rootdir=/`.
  if (word.startsWith("-") && !pattern.startsWith("-")) return false;
  if (!pattern.includes("*")) return pattern === word;
  const source = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${source}$`, "s").test(word);
}

/** The pattern word that stands for any further words (none, one or more), as the last word of a pattern. */
const ANY_MORE = "...";

/** Whether the pattern's words fit the command's words, one for one (`...` last: any further words). */
export function patternFits(pattern: readonly string[], words: readonly string[]): boolean {
  const open = pattern.at(-1) === ANY_MORE;
  const fixed = open ? pattern.slice(0, -1) : pattern;
  if (open ? words.length < fixed.length : words.length !== fixed.length) return false;
  return fixed.every((part, index) => wordFits(part, words[index] ?? ""));
}

/** A problem with an `allow` pattern of the config, or undefined when it is usable. */
export function allowPatternProblem(pattern: string): string | undefined {
  let words: string[];
  try {
    words = commandWords(pattern, true);
  } catch (error) {
    if (error instanceof CommandLineError) return error.message;
    throw error;
  }
  if (words[0]?.includes("*") || words[0] === ANY_MORE) return "the first word (the program) must be written out, with no `*`";
  const inner = words.slice(0, -1).indexOf(ANY_MORE);
  return inner >= 0 ? "`...` may only be the last word" : undefined;
}

/** The words of `line` when one of `patterns` allows them; a `CommandLineError` saying why not otherwise. */
export function allowedWords(line: string, patterns: readonly string[]): string[] {
  const words = commandWords(line);
  if (patterns.some((pattern) => patternFits(commandWords(pattern, true), words))) return words;
  const listed = patterns.length === 0 ? "the repository allows none (`checks.allow`)" : `the allowed ones are: ${patterns.join("; ")}`;
  throw new CommandLineError(
    `this command line is not allowed; run a named check instead, or a command line the repository allows: ${listed}`,
  );
}
