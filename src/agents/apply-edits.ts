import { z } from "zod";
import type { FileChange } from "../ports/github.ts";
import { checkWritablePath, describeRefusal } from "../policy/paths.ts";
import { addedSecrets } from "../policy/secrets.ts";
import { codeSpan } from "../render/code-span.ts";

export const Edit = z.discriminatedUnion("action", [
  z.object({ path: z.string().min(1), action: z.literal("create"), content: z.string() }).strict(),
  z
    .object({
      path: z.string().min(1),
      action: z.literal("modify"),
      replacements: z.array(z.object({ search: z.string().min(1), replace: z.string() }).strict()).min(1),
    })
    .strict(),
  z.object({ path: z.string().min(1), action: z.literal("delete") }).strict(),
]);
export type Edit = z.infer<typeof Edit>;

export interface EditPolicy {
  taskFiles: readonly string[];
  protectedPaths: readonly string[];
  maxChangedLines: number;
}

export type EditOutcome = { ok: true; changes: FileChange[] } | { ok: false; problems: string[] };

/** Counts matches, overlapping ones included, so an ambiguous search is never taken for a unique one. */
function countOccurrences(text: string, search: string): number {
  let count = 0;
  for (let index = text.indexOf(search); index !== -1; index = text.indexOf(search, index + 1)) count += 1;
  return count;
}

function applyOne(edit: Edit, current: string | null): { content: string | null } | { problem: string } {
  if (edit.action === "create") return { content: edit.content };
  if (current === null)
    return { problem: `${codeSpan(edit.path)} does not exist, so it cannot be ${edit.action === "delete" ? "deleted" : "modified"}` };
  if (edit.action === "delete") return { content: null };
  let content = current;
  for (const [index, replacement] of edit.replacements.entries()) {
    const found = countOccurrences(content, replacement.search);
    if (found !== 1) {
      return {
        problem: `${codeSpan(edit.path)} replacement ${index + 1}: the search text matches ${found} times; it must match exactly once`,
      };
    }
    content = content.replace(replacement.search, () => replacement.replace);
  }
  return { content };
}

function lineCounts(text: string | null): Map<string, number> {
  const counts = new Map<string, number>();
  if (text === null || text === "") return counts;
  for (const line of text.replace(/\n$/, "").split("\n")) counts.set(line, (counts.get(line) ?? 0) + 1);
  return counts;
}

/** Lines added plus lines removed, compared as multisets (a moved line counts as unchanged). */
export function changedLines(before: string | null, after: string | null): number {
  const old = lineCounts(before);
  const next = lineCounts(after);
  let changed = 0;
  for (const line of new Set([...old.keys(), ...next.keys()])) changed += Math.abs((old.get(line) ?? 0) - (next.get(line) ?? 0));
  return changed;
}

/**
 * Why the content an edit leaves cannot be committed: a NUL byte (Foreman writes text files only),
 * or a secret of a format GitHub's push protection blocks that the file did not hold before.
 */
function contentProblem(path: string, before: string | null, after: string | null): string | undefined {
  if (after === null) return undefined;
  if (after.includes("\u0000")) return `${codeSpan(path)} would contain a NUL byte: Foreman writes text files only, never binary content`;
  const secrets = addedSecrets(before, after);
  if (secrets.length === 0) return undefined;
  return `${codeSpan(path)} would contain what looks like ${secrets.join(" and ")}; Foreman never commits secrets: leave the value out and read it at run time (from an environment variable or the deployment's secret store), or use an obviously fake placeholder`;
}

/** Checks the coder's edits against the path policy and the current files, and turns them into file changes. */
export function applyEdits(edits: Edit[], files: Record<string, string | null>, policy: EditPolicy): EditOutcome {
  const problems: string[] = [];
  const changes = new Map<string, string | null>();
  let lines = 0;
  for (const edit of edits) {
    const refusal = checkWritablePath(edit.path, policy);
    if (refusal) {
      problems.push(describeRefusal(refusal));
      continue;
    }
    const current = changes.has(edit.path) ? (changes.get(edit.path) ?? null) : (files[edit.path] ?? null);
    const result = applyOne(edit, current);
    if ("problem" in result) {
      problems.push(result.problem);
      continue;
    }
    const refused = contentProblem(edit.path, current, result.content);
    if (refused) {
      problems.push(refused);
      continue;
    }
    lines += changedLines(current, result.content);
    changes.set(edit.path, result.content);
  }
  if (edits.length === 0) problems.push("there are no edits");
  if (lines > policy.maxChangedLines)
    problems.push(`the edits change ${lines} lines; at most ${policy.maxChangedLines} are allowed per task`);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, changes: [...changes].map(([path, content]) => ({ path, content })) };
}
