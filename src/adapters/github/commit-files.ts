import { BranchMovedError, GitHubCallError } from "../../ports/errors.ts";
import type { CommitOnBranchInput, FileChange } from "../../ports/github-types.ts";
import type { Octokit, Target } from "./octokit.ts";

/** The commit a branch points to, or null when there is no such branch. */
export async function branchHead(octokit: Octokit, target: Target, branch: string): Promise<string | null> {
  try {
    const { data } = await octokit.rest.git.getRef({ ...target, ref: `heads/${branch}` });
    return data.object.sha;
  } catch (error) {
    if (error instanceof Error && "status" in error && error.status === 404) return null;
    throw error;
  }
}

/** A tree on the parent commit's tree with the changes inline: one read, one write. */
async function treeOn(octokit: Octokit, target: Target, parentSha: string, changes: FileChange[]): Promise<string> {
  const { data: parent } = await octokit.rest.git.getCommit({ ...target, commit_sha: parentSha });
  const { data: tree } = await octokit.rest.git.createTree({
    ...target,
    base_tree: parent.tree.sha,
    tree: changes.map((change) =>
      change.content === null
        ? { path: change.path, mode: "100644" as const, type: "blob" as const, sha: null }
        : { path: change.path, mode: "100644" as const, type: "blob" as const, content: change.content },
    ),
  });
  return tree.sha;
}

async function newCommit(octokit: Octokit, target: Target, message: string, treeSha: string, parentSha: string): Promise<string> {
  const { data: commit } = await octokit.rest.git.createCommit({ ...target, message, tree: treeSha, parents: [parentSha] });
  if (!commit.sha) throw new GitHubCallError("commit has no sha", 500, "server", null);
  return commit.sha;
}

async function readCommit(octokit: Octokit, target: Target, sha: string): Promise<{ treeSha: string; parents: string[]; message: string }> {
  const { data } = await octokit.rest.git.getCommit({ ...target, commit_sha: sha });
  return { treeSha: data.tree.sha, parents: data.parents.map((parent) => parent.sha), message: data.message };
}

/**
 * One commit through the Git Data API: a tree on `base_tree` with inline content, a commit, and
 * the ref — three writes. When the branch already holds a commit on the same base with the same
 * tree (a retry after a lost response), that commit is reused and the ref is left alone.
 */
export async function commitFiles(
  octokit: Octokit,
  target: Target,
  input: { branch: string; baseSha: string; message: string; changes: FileChange[] },
): Promise<{ sha: string }> {
  const treeSha = await treeOn(octokit, target, input.baseSha, input.changes);
  const existing = await branchHead(octokit, target, input.branch);
  if (existing) {
    const head = await readCommit(octokit, target, existing);
    if (head.treeSha === treeSha && head.parents.includes(input.baseSha)) return { sha: existing };
  }
  const sha = await newCommit(octokit, target, input.message, treeSha, input.baseSha);
  if (existing) {
    await octokit.rest.git.updateRef({ ...target, ref: `heads/${input.branch}`, sha, force: true });
  } else {
    await octokit.rest.git.createRef({ ...target, ref: `refs/heads/${input.branch}`, sha });
  }
  return { sha };
}

/** Whether the branch may be moved from `head`: it is the parent, or forcing over the head we expect. */
function mayMove(input: CommitOnBranchInput, head: string | null): boolean {
  if (head === input.parentSha) return true;
  return input.force && (input.expectedHead === undefined || input.expectedHead === head);
}

async function moveBranch(octokit: Octokit, target: Target, input: CommitOnBranchInput, head: string | null, sha: string): Promise<void> {
  if (head === null) {
    await octokit.rest.git.createRef({ ...target, ref: `refs/heads/${input.branch}`, sha });
    return;
  }
  try {
    await octokit.rest.git.updateRef({ ...target, ref: `heads/${input.branch}`, sha, force: input.force });
  } catch (error) {
    const refused = error instanceof Error && "status" in error && error.status === 422;
    if (refused && !input.force) throw new BranchMovedError(input.branch, input.parentSha, null);
    throw error;
  }
}

/**
 * One new commit with parent `parentSha` on `branch`, in three writes (tree, commit, ref): a
 * fast-forward from `parentSha`, or with `force` a move from `expectedHead`. A branch that moved
 * elsewhere (a human pushed) throws `BranchMovedError` and is left alone. A branch that already
 * holds an equal commit on `parentSha` (a retry after a lost response) keeps it.
 */
export async function commitOnBranch(octokit: Octokit, target: Target, input: CommitOnBranchInput): Promise<{ sha: string }> {
  const head = await branchHead(octokit, target, input.branch);
  const current = head !== null && head !== input.parentSha ? await readCommit(octokit, target, head) : null;
  // A commit with our message on our parent may be ours from a try whose response was lost.
  const maybeOurs = (current?.parents.includes(input.parentSha) && current.message === input.message) ?? false;
  const allowed = mayMove(input, head);
  const expected = input.force && input.expectedHead !== undefined ? input.expectedHead : input.parentSha;
  if (!allowed && !maybeOurs) throw new BranchMovedError(input.branch, expected, head);
  const treeSha = await treeOn(octokit, target, input.parentSha, input.changes);
  if (head !== null && maybeOurs && current?.treeSha === treeSha) return { sha: head };
  if (!allowed) throw new BranchMovedError(input.branch, expected, head);
  const sha = await newCommit(octokit, target, input.message, treeSha, input.parentSha);
  await moveBranch(octokit, target, input, head, sha);
  return { sha };
}
