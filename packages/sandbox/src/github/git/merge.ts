import { createCommit } from "./commits.ts";
import { mergeTrees } from "./merge-tree.ts";
import { rebaseCommits } from "./rebase.ts";
import { requireCommit } from "./resolve.ts";
import type { GitRunner } from "./run-git.ts";
import type { MergeInput, MergeResult } from "./types.ts";

/**
 * Creates the commit(s) a pull request merge would create, without moving any ref:
 * `merge` makes a two-parent commit, `squash` a single-parent commit on `base` with the merged
 * tree, `rebase` replays `head`'s non-merge commits on `base` and returns the last one.
 */
export async function mergeCommits(git: GitRunner, input: MergeInput, now: Date): Promise<MergeResult> {
  const base = await requireCommit(git, input.base);
  const head = await requireCommit(git, input.head);
  const committer = input.committer ?? input.author;
  if (input.method === "rebase") return rebaseCommits(git, { base, head, committer }, now);
  const merged = await mergeTrees(git, base, head);
  if (merged.conflict) return merged;
  const parents = input.method === "merge" ? [base, head] : [base];
  const sha = await createCommit(git, { message: input.message, tree: merged.tree, parents, author: input.author, committer }, now);
  return { conflict: false, sha };
}
