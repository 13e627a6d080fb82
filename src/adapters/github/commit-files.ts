import type { ProbotOctokit } from "probot";
import type { FileChange } from "../../ports/github.ts";
import { GitHubCallError } from "./errors.ts";

type Octokit = InstanceType<typeof ProbotOctokit>;

interface Target {
  owner: string;
  repo: string;
}

async function currentBranchSha(octokit: Octokit, target: Target, branch: string): Promise<string | null> {
  try {
    const { data } = await octokit.rest.git.getRef({ ...target, ref: `heads/${branch}` });
    return data.object.sha;
  } catch (error) {
    if (error instanceof Error && "status" in error && error.status === 404) return null;
    throw error;
  }
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
  const { data: base } = await octokit.rest.git.getCommit({ ...target, commit_sha: input.baseSha });
  const { data: tree } = await octokit.rest.git.createTree({
    ...target,
    base_tree: base.tree.sha,
    tree: input.changes.map((change) =>
      change.content === null
        ? { path: change.path, mode: "100644" as const, type: "blob" as const, sha: null }
        : { path: change.path, mode: "100644" as const, type: "blob" as const, content: change.content },
    ),
  });
  const existing = await currentBranchSha(octokit, target, input.branch);
  if (existing) {
    const { data: head } = await octokit.rest.git.getCommit({ ...target, commit_sha: existing });
    if (head.tree.sha === tree.sha && head.parents.some((parent) => parent.sha === input.baseSha)) return { sha: existing };
  }
  const { data: commit } = await octokit.rest.git.createCommit({
    ...target,
    message: input.message,
    tree: tree.sha,
    parents: [input.baseSha],
  });
  if (existing) {
    await octokit.rest.git.updateRef({ ...target, ref: `heads/${input.branch}`, sha: commit.sha, force: true });
  } else {
    await octokit.rest.git.createRef({ ...target, ref: `refs/heads/${input.branch}`, sha: commit.sha });
  }
  if (!commit.sha) throw new GitHubCallError("commit has no sha", 500, "server", null);
  return { sha: commit.sha };
}
