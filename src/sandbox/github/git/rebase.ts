import { createCommit, getCommit } from "./commits.ts";
import { GitNoCommonAncestorError } from "./errors.ts";
import { commitsBetween, mergeBaseOf } from "./history.ts";
import { mergeTrees } from "./merge-tree.ts";
import type { GitRunner } from "./run-git.ts";
import type { CommitInfo, GitIdentity, MergeResult, MergeTreeResult } from "./types.ts";

/** Identity of the throwaway commits that let `merge-tree` use an arbitrary merge base. */
const SCAFFOLD_IDENTITY: GitIdentity = { name: "sandbox", email: "sandbox@localhost", date: "2000-01-01T00:00:00Z" };

export interface RebaseInput {
  base: string;
  head: string;
  committer: GitIdentity;
}

/**
 * Replays the non-merge commits of base..head on top of `base`, one new commit per original
 * commit, keeping each author and message and setting the committer. Returns the last commit,
 * or `base` itself when there is nothing to replay.
 */
export async function rebaseCommits(git: GitRunner, input: RebaseInput, now: Date): Promise<MergeResult> {
  if ((await mergeBaseOf(git, input.base, input.head)) === null) throw new GitNoCommonAncestorError(input.base, input.head);
  let onto = await getCommit(git, input.base);
  for (const sha of await commitsBetween(git, input.base, input.head, { noMerges: true })) {
    const original = await getCommit(git, sha);
    const replayed = await replayTree(git, onto, original, now);
    if (replayed.conflict) return replayed;
    const author = { name: original.author.name, email: original.author.email, date: original.author.date };
    const message = original.message;
    const next = await createCommit(git, { message, tree: replayed.tree, parents: [onto.sha], author, committer: input.committer }, now);
    onto = await getCommit(git, next);
  }
  return { conflict: false, sha: onto.sha };
}

/**
 * The tree of `original` applied on `onto`: a three-way merge whose base is the tree of
 * `original`'s parent. Git 2.39's `merge-tree` has no `--merge-base`, so the merge runs between
 * two scaffold commits that share a root commit holding that parent tree.
 */
async function replayTree(git: GitRunner, onto: CommitInfo, original: CommitInfo, now: Date): Promise<MergeTreeResult> {
  const parentSha = original.parents[0];
  const parentTree = parentSha === undefined ? undefined : (await getCommit(git, parentSha)).tree;
  if (parentTree === onto.tree) return { conflict: false, tree: original.tree };
  const scaffold = (tree: string, parents: string[]): Promise<string> =>
    createCommit(git, { message: "scaffold", tree, parents, author: SCAFFOLD_IDENTITY }, now);
  const root = await scaffold(parentTree ?? (await emptyTree(git)), []);
  const ours = await scaffold(onto.tree, [root]);
  const theirs = await scaffold(original.tree, [root]);
  return mergeTrees(git, ours, theirs);
}

async function emptyTree(git: GitRunner): Promise<string> {
  return (await git.text(["mktree"], { input: "" })).trim();
}
