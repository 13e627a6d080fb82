import { GitNoCommonAncestorError } from "./errors.ts";
import { parseRawDiff, splitPatch, toFileChanges } from "./diff-parse.ts";
import { commitsBetween, divergence, mergeBaseOf } from "./history.ts";
import { requireCommit } from "./resolve.ts";
import type { GitRunner } from "./run-git.ts";
import type { CompareStatus, Comparison, FileChange } from "./types.ts";

const DIFF_FLAGS = ["-r", "-M", "--no-color", "--no-ext-diff", "--no-textconv"];

/** Files changed from commit `from` to commit `to`, with GitHub-style hunks and line counts. */
async function diffFiles(git: GitRunner, from: string, to: string): Promise<FileChange[]> {
  const [raw, patch] = await Promise.all([
    git.text(["diff-tree", ...DIFF_FLAGS, "-z", "--raw", from, to]),
    git.text(["diff-tree", ...DIFF_FLAGS, "-p", from, to]),
  ]);
  return toFileChanges(parseRawDiff(raw), splitPatch(patch));
}

function statusOf(aheadBy: number, behindBy: number): CompareStatus {
  if (aheadBy === 0 && behindBy === 0) return "identical";
  if (behindBy === 0) return "ahead";
  if (aheadBy === 0) return "behind";
  return "diverged";
}

/**
 * `GET /compare/{base}...{head}`: counts and commits relative to `base`, files changed from the
 * merge base to `head` (three-dot semantics).
 */
export async function compare(git: GitRunner, base: string, head: string): Promise<Comparison> {
  const baseSha = await requireCommit(git, base);
  const headSha = await requireCommit(git, head);
  const mergeBase = await mergeBaseOf(git, baseSha, headSha);
  if (mergeBase === null) throw new GitNoCommonAncestorError(base, head);
  const [counts, commits, files] = await Promise.all([
    divergence(git, baseSha, headSha),
    commitsBetween(git, baseSha, headSha),
    diffFiles(git, mergeBase, headSha),
  ]);
  return { status: statusOf(counts.aheadBy, counts.behindBy), ...counts, mergeBase, commits, files };
}
