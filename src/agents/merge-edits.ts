import { merge } from "node-diff3";
import type { FileChange } from "../ports/github-types.ts";
import { applyEdits, type Edit, type EditPolicy } from "./apply-edits.ts";

/** One file as it was where the task's branch and the base parted (`base`), on the task's branch (`ours`), and on the moved base (`theirs`); null: absent. */
export interface FileVersions {
  base: string | null;
  ours: string | null;
  theirs: string | null;
}

/** The task's files merged with the moved base: the merged content of each, and the files that conflict. */
export interface TaskMerge {
  changes: FileChange[];
  conflicts: string[];
}

const linesOf = (text: string | null): string[] =>
  (text ?? "")
    .split("\n")
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== "");

/**
 * G3: the lines the moved base added to a file since the branches parted that `result` no longer
 * holds. A rewrite of a conflicting file that leaves any of them out would undo someone's change
 * on the base branch when the pull request merges.
 */
export function droppedLines(versions: FileVersions, result: string | null): string[] {
  const before = new Set(linesOf(versions.base));
  const kept = new Set(linesOf(result));
  return [...new Set(linesOf(versions.theirs))].filter((line) => !before.has(line) && !kept.has(line));
}

/** A line-based three-way merge (diff3, as git's): null when both sides changed the same lines differently. */
function threeWay(versions: FileVersions): string | null {
  const lines = (text: string | null): string[] => (text ?? "").split("\n");
  const result = merge(lines(versions.ours), lines(versions.base), lines(versions.theirs), { excludeFalseConflicts: true });
  return result.conflict ? null : result.result.join("\n");
}

/**
 * The task's search/replace edits of one file applied again on the moved base, when they are all
 * the task did to it (applied to `base` they give `ours`). Each replacement rewrites only the text
 * it found exactly once, so nothing anyone else changed is touched. A whole-file edit (`create`)
 * is never re-applied: it would write over the other side's changes.
 */
function reapplied(path: string, versions: FileVersions, edits: readonly Edit[], policy: EditPolicy): string | null {
  const own = edits.filter((edit) => edit.path === path);
  if (own.length === 0 || !own.every((edit) => edit.action === "modify") || versions.base === null || versions.theirs === null) return null;
  const before = applyEdits(own, { [path]: versions.base }, policy);
  if (!before.ok || before.changes[0]?.content !== versions.ours) return null;
  const after = applyEdits(own, { [path]: versions.theirs }, policy);
  return after.ok ? (after.changes[0]?.content ?? null) : null;
}

/** One file merged: its content (null: deleted), or undefined when it conflicts. */
function mergeFile(path: string, versions: FileVersions, edits: readonly Edit[], policy: EditPolicy): string | null | undefined {
  const { base, ours, theirs } = versions;
  if (ours === theirs || theirs === base) return ours;
  if (ours === base) return theirs;
  // Both sides changed the file; a side that deleted (or both created) it conflicts with the other's change.
  if (base === null || ours === null || theirs === null) return undefined;
  return threeWay(versions) ?? reapplied(path, versions, edits, policy) ?? undefined;
}

/**
 * G3: the files the task changed, merged with the moved base three ways, never one side written
 * over the other: a file the base did not touch keeps the task's version, one the task did not
 * touch the base's; a file both changed is merged line by line (diff3), or, failing that, gets the
 * task's own search/replace edits again on the base's version. What still conflicts is listed.
 */
export function mergeTaskFiles(
  paths: readonly string[],
  versions: (path: string) => FileVersions,
  edits: readonly Edit[],
  policy: EditPolicy,
): TaskMerge {
  const changes: FileChange[] = [];
  const conflicts: string[] = [];
  for (const path of paths) {
    const both = versions(path);
    const content = mergeFile(path, both, edits, policy);
    if (content === undefined) conflicts.push(path);
    // The merge is committed on the base's files: a file that ends as the base has it needs no change.
    else if (content !== both.theirs) changes.push({ path, content });
  }
  return { changes, conflicts };
}
