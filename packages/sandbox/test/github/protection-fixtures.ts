import type { CreateRepositoryOptions } from "../../src/github/sandbox.ts";
import type { ProtectionOptions } from "../../src/github/protection/options.ts";
import { startHarness, type Harness } from "./harness.ts";

export const owner = "acme";
export const repo = "calculator";

type Octokit = Harness["octokit"];

/** The people of the protection tests: maya and lee write, rita reads, acme owns the repository. */
export interface ProtectedWorld {
  h: Harness;
  maya: Octokit;
  lee: Octokit;
  rita: Octokit;
  admin: Octokit;
}

/** A harness whose repository has `protection` (none when undefined), with its people. */
export async function startProtected(
  protection: ProtectionOptions | undefined,
  options: Partial<CreateRepositoryOptions> = {},
): Promise<ProtectedWorld> {
  const h = await startHarness({ ...options, ...(protection ? { protection } : {}) });
  h.sandbox.setPermission(h.repo, "maya", "write");
  h.sandbox.setPermission(h.repo, "lee", "write");
  h.sandbox.setPermission(h.repo, "rita", "read");
  return { h, maya: h.userOctokit("maya"), lee: h.userOctokit("lee"), rita: h.userOctokit("rita"), admin: h.userOctokit("acme") };
}

/** Commits `files` on `branch` through the Git Data API, creating the branch from main if needed. */
export async function commitFiles(octokit: Octokit, branch: string, files: Record<string, string>): Promise<string> {
  const git = octokit.rest.git;
  const existing = await git.getRef({ owner, repo, ref: `heads/${branch}` }).catch(() => null);
  const parent = existing?.data.object.sha ?? (await git.getRef({ owner, repo, ref: "heads/main" })).data.object.sha;
  const parentCommit = await git.getCommit({ owner, repo, commit_sha: parent });
  const entries = Object.entries(files).map(([path, content]) => ({ path, mode: "100644" as const, type: "blob" as const, content }));
  const tree = await git.createTree({ owner, repo, base_tree: parentCommit.data.tree.sha, tree: entries });
  const commit = await git.createCommit({ owner, repo, message: `change ${branch}`, tree: tree.data.sha, parents: [parent] });
  if (existing) await git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: commit.data.sha });
  else await git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: commit.data.sha });
  return commit.data.sha;
}

/** Opens a pull request from `branch` (one commit of `files`) into main, as `octokit`'s user. */
export async function openPull(
  octokit: Octokit,
  branch: string,
  files: Record<string, string> = { "src/sub.js": "export const sub = (a, b) => a - b;\n" },
): Promise<{ number: number; nodeId: string; headSha: string }> {
  const headSha = await commitFiles(octokit, branch, files);
  const created = await octokit.rest.pulls.create({ owner, repo, head: branch, base: "main", title: `Add ${branch}` });
  return { number: created.data.number, nodeId: created.data.node_id, headSha };
}

/** The pull request's `mergeable_state`, freshly computed. */
export async function mergeableState(octokit: Octokit, number: number): Promise<string> {
  return (await octokit.rest.pulls.get({ owner, repo, pull_number: number })).data.mergeable_state;
}
