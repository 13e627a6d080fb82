import type { SearchHit } from "../../ports/workspace.ts";

/** Characters of a matching line kept in a hit. */
const MAX_LINE_CHARS = 400;

/** A regular expression git can be given: not empty, one line, of sensible length. */
export function regexProblem(regex: string): string | undefined {
  if (regex === "") return "the regular expression is empty";
  if (regex.length > 1000) return "the regular expression is longer than 1000 characters";
  if (/[\n\r\0]/.test(regex)) return "the regular expression spans lines; search one line at a time";
  return undefined;
}

/** `git grep` over a commit: line numbers, text files only, extended regular expressions, NUL after names. */
export function grepArgs(sha: string, regex: string, paths: readonly string[] | null): string[] {
  const args = ["grep", "--no-color", "-n", "-I", "-E", "-z", "-e", regex, sha];
  return paths === null ? args : [...args, "--", ...paths];
}

/** Reads `git grep -n -z <sha>` output (`<sha>:<path>\0<line>\0<text>\n` per match), at most `max` hits. */
export function parseGrep(output: string, sha: string, max: number): { hits: SearchHit[]; more: boolean } {
  const hits: SearchHit[] = [];
  const prefix = `${sha}:`;
  let at = 0;
  while (at < output.length) {
    const nameEnd = output.indexOf("\0", at);
    const lineEnd = nameEnd < 0 ? -1 : output.indexOf("\0", nameEnd + 1);
    const textEnd = lineEnd < 0 ? -1 : output.indexOf("\n", lineEnd + 1);
    // A record cut short by the output cap is dropped.
    if (textEnd < 0) return { hits, more: true };
    if (hits.length >= max) return { hits, more: true };
    const name = output.slice(at, nameEnd);
    const text = output.slice(lineEnd + 1, textEnd);
    hits.push({
      path: name.startsWith(prefix) ? name.slice(prefix.length) : name,
      line: Number(output.slice(nameEnd + 1, lineEnd)),
      text: text.length > MAX_LINE_CHARS ? `${text.slice(0, MAX_LINE_CHARS)}…` : text,
    });
    at = textEnd + 1;
  }
  return { hits, more: false };
}
