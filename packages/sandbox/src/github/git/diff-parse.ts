import type { FileChange, FileChangeStatus } from "./types.ts";
import { ZERO_SHA } from "./validation.ts";

/** One record of `git diff-tree -z --raw`. */
export interface RawChange {
  status: string;
  srcSha: string;
  dstSha: string;
  path: string;
  previousPath?: string;
}

export function parseRawDiff(output: string): RawChange[] {
  const fields = output.split("\0");
  const changes: RawChange[] = [];
  let index = 0;
  while (index < fields.length) {
    const header = fields[index] ?? "";
    index += 1;
    if (!header.startsWith(":")) continue;
    const [, , srcSha = ZERO_SHA, dstSha = ZERO_SHA, status = "M"] = header.slice(1).split(" ");
    const letter = status.charAt(0);
    const first = fields[index] ?? "";
    index += 1;
    if (letter === "R" || letter === "C") {
      changes.push({ status: letter, srcSha, dstSha, previousPath: first, path: fields[index] ?? "" });
      index += 1;
    } else {
      changes.push({ status: letter, srcSha, dstSha, path: first });
    }
  }
  return changes;
}

/** Splits `git diff -p` output into its per-file sections (each starts with `diff --git `). */
export function splitPatch(output: string): string[][] {
  const sections: string[][] = [];
  for (const line of output.split("\n")) {
    if (line.startsWith("diff --git ")) sections.push([]);
    sections.at(-1)?.push(line);
  }
  return sections;
}

/** The hunks of a section (what GitHub calls `patch`), without file headers. */
function hunksOf(section: readonly string[]): string[] {
  const start = section.findIndex((line) => line.startsWith("@@"));
  if (start === -1) return [];
  const hunks = section.slice(start);
  while (hunks.at(-1) === "") hunks.pop();
  return hunks;
}

const STATUS: Readonly<Record<string, FileChangeStatus>> = {
  A: "added",
  D: "removed",
  M: "modified",
  R: "renamed",
  C: "added",
  T: "changed",
};

/**
 * Joins raw records with their patch sections, which git emits in the same order. A type
 * change (file to symlink) is emitted as a deletion section followed by a creation section.
 */
export function toFileChanges(raw: readonly RawChange[], sections: readonly string[][]): FileChange[] {
  let next = 0;
  return raw.map((change) => {
    const count = change.status === "T" ? 2 : 1;
    const lines = sections.slice(next, next + count).flatMap(hunksOf);
    next += count;
    return fileChange(change, lines);
  });
}

function fileChange(change: RawChange, hunks: readonly string[]): FileChange {
  let additions = 0;
  let deletions = 0;
  for (const line of hunks) {
    if (line.startsWith("+")) additions += 1;
    else if (line.startsWith("-")) deletions += 1;
  }
  const result: FileChange = {
    filename: change.path,
    status: STATUS[change.status] ?? "modified",
    additions,
    deletions,
    changes: additions + deletions,
    sha: change.dstSha === ZERO_SHA ? change.srcSha : change.dstSha,
  };
  if (hunks.length > 0) result.patch = hunks.join("\n");
  if (change.previousPath !== undefined && change.status === "R") result.previousFilename = change.previousPath;
  return result;
}
