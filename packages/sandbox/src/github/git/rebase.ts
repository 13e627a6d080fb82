import { commitTree, getCommit } from "./commits.ts";
import { GitNoCommonAncestorError } from "./errors.ts";
import { commitsBetween, mergeBaseOf } from "./history.ts";
import { mergeTrees } from "./merge-tree.ts";
import type { GitRunner } from "./run-git.ts";
import type { CommitInfo, GitIdentity, MergeResult, MergeTreeResult } from "./types.ts";
import { EMPTY_TREE_SHA } from "./validation.ts";

/** Identity of the throwaway commits that let `merge-tree` use an arbitrary merge base. */
const SCAFFOLD_IDENTITY: GitIdentity = { name: "sandbox", email: "sandbox@localhost", date: "2000-01-01T00:00:00Z" };

export interface RebaseInput {
  base: string;
  head: string;
  committer: GitIdentity;
}

/** Where the replay stands: the last commit written and its tree. */
interface Tip {
  sha: string;
  tree: string;
}

/**
 * Replays the non-merge commits of base..head on top of `base`, one new commit per original
 * commit, keeping each author and message and setting the committer. Returns the last commit,
 * or `base` itself when there is nothing to replay.
 */
export async function rebaseCommits(git: GitRunner, input: RebaseInput, now: Date): Promise<MergeResult> {
  if ((await mergeBaseOf(git, input.base, input.head)) === null) throw new GitNoCommonAncestorError(input.base, input.head);
  let onto: Tip = await getCommit(git, input.base);
  for (const sha of await commitsBetween(git, input.base, input.head, { noMerges: true })) {
    const original = await getCommit(git, sha);
    const replayed = await replayTree(git, onto, original, now);
    if (replayed.conflict) return replayed;
    const author = { name: original.author.name, email: original.author.email, date: original.author.date };
    const message = original.message;
    const next = await commitTree(git, { message, tree: replayed.tree, parents: [onto.sha], author, committer: input.committer }, now);
    onto = { sha: next, tree: replayed.tree };
  }
  return { conflict: false, sha: onto.sha };
}

/**
 * The tree of `original` applied on `onto`: a three-way merge whose base is the tree of
 * `original`'s parent. Git 2.39's `merge-tree` has no `--merge-base`, so the merge runs between
 * two scaffold commits that share a root commit holding that parent tree.
 */
async function replayTree(git: GitRunner, onto: Tip, original: CommitInfo, now: Date): Promise<MergeTreeResult> {
  const parentSha = original.parents[0];
  const parentTree = parentSha === undefined ? EMPTY_TREE_SHA : (await getCommit(git, parentSha)).tree;
  if (parentTree === onto.tree) return { conflict: false, tree: original.tree };
  const scaffold = (tree: string, parents: string[]): Promise<string> =>
    commitTree(git, { message: "scaffold", tree, parents, author: SCAFFOLD_IDENTITY }, now);
  const root = await scaffold(parentTree, []);
  const [ours, theirs] = await Promise.all([scaffold(onto.tree, [root]), scaffold(original.tree, [root])]);
  return mergeTrees(git, ours, theirs);
}
