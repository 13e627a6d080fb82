import { GitCommandError, GitNoCommonAncestorError } from "./errors.ts";
import { mergeBaseOf } from "./history.ts";
import { requireCommit } from "./resolve.ts";
import type { GitRunner } from "./run-git.ts";
import type { MergeTreeResult } from "./types.ts";

/** Exit 0: clean merge; exit 1: conflicts. Anything else is a failure. */
const MERGE_TREE_ANSWERS = [0, 1];

/**
 * Three-way merge of two commits without touching any ref or work tree
 * (`git merge-tree --write-tree`, merge base found by git).
 */
export async function mergeTrees(git: GitRunner, ours: string, theirs: string): Promise<MergeTreeResult> {
  const args = ["merge-tree", "--write-tree", "-z", "--name-only", "--no-messages", ours, theirs];
  const result = await git.exec(args, { allowedExitCodes: [...MERGE_TREE_ANSWERS, 128] });
  if (!MERGE_TREE_ANSWERS.includes(result.exitCode)) {
    if ((await mergeBaseOf(git, ours, theirs)) === null) throw new GitNoCommonAncestorError(ours, theirs);
    throw new GitCommandError(args, result.exitCode, result.stderr);
  }
  const [tree = "", ...paths] = result.stdout
    .toString("utf8")
    .split("\0")
    .filter((field) => field !== "");
  if (result.exitCode === 0) return { conflict: false, tree };
  return { conflict: true, files: [...new Set(paths)] };
}

/** `tryMergeTree` for refs or SHAs: what merging `head` into `base` would produce. */
export async function tryMergeTree(git: GitRunner, base: string, head: string): Promise<MergeTreeResult> {
  return mergeTrees(git, await requireCommit(git, base), await requireCommit(git, head));
}
