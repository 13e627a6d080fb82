import { GraphqlResponseError } from "@octokit/graphql";
import { BranchMovedError, GitHubCallError } from "../../ports/errors.ts";
import type { CommitInput, FileChange } from "../../ports/github-types.ts";
import type { Octokit, Target } from "./octokit.ts";

/** The commit a branch points to, or null when there is no such branch. */
export async function branchHead(octokit: Octokit, target: Target, branch: string): Promise<string | null> {
  try {
    const { data } = await octokit.rest.git.getRef({ ...target, ref: `heads/${branch}` });
    return data.object.sha;
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}

const statusOf = (error: unknown): number | null =>
  error instanceof Error && "status" in error && typeof error.status === "number" ? error.status : null;

/** A tree on the base commit's tree with the changes inline: one read, one write. */
async function treeOn(octokit: Octokit, target: Target, baseSha: string, changes: FileChange[]): Promise<string> {
  const { data: base } = await octokit.rest.git.getCommit({ ...target, commit_sha: baseSha });
  const { data: tree } = await octokit.rest.git.createTree({
    ...target,
    base_tree: base.tree.sha,
    tree: changes.map((change) =>
      change.content === null
        ? { path: change.path, mode: "100644" as const, type: "blob" as const, sha: null }
        : { path: change.path, mode: "100644" as const, type: "blob" as const, content: change.content },
    ),
  });
  return tree.sha;
}

async function readCommit(octokit: Octokit, target: Target, sha: string): Promise<{ treeSha: string; parents: string[]; message: string }> {
  const { data } = await octokit.rest.git.getCommit({ ...target, commit_sha: sha });
  return { treeSha: data.tree.sha, parents: data.parents.map((parent) => parent.sha), message: data.message };
}

/** Whether `ancestor` is in the history of `sha` (or is it). */
async function isAncestor(octokit: Octokit, target: Target, ancestor: string, sha: string): Promise<boolean> {
  const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ ...target, basehead: `${ancestor}...${sha}`, per_page: 1 });
  return data.status === "ahead" || data.status === "identical";
}

/**
 * The new commit's parents: the head Foreman saw (never rewritten), and the base when the head's
 * history does not hold it yet (a merge that brings the new base in). A new branch starts on the base.
 */
async function parentsFor(octokit: Octokit, target: Target, input: CommitInput): Promise<string[]> {
  const { expectedHead, baseSha } = input;
  if (expectedHead === null || expectedHead === baseSha) return [baseSha];
  return (await isAncestor(octokit, target, baseSha, expectedHead)) ? [expectedHead] : [expectedHead, baseSha];
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((sha, i) => sha === b[i]);

/** Moves the branch from the head Foreman saw to `sha`: GitHub refuses anything but a fast-forward, so a push in between is never lost. */
async function moveBranch(octokit: Octokit, target: Target, input: CommitInput, sha: string): Promise<void> {
  try {
    if (input.expectedHead === null) await octokit.rest.git.createRef({ ...target, ref: `refs/heads/${input.branch}`, sha });
    else await octokit.rest.git.updateRef({ ...target, ref: `heads/${input.branch}`, sha, force: false });
  } catch (error) {
    if (statusOf(error) === 422) throw new BranchMovedError(input.branch, input.expectedHead, null, { cause: error });
    throw error;
  }
}

const CREATE_COMMIT = `mutation Commit($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) { commit { oid } }
}`;

/** The message as GitHub writes it from a headline and a body (`createCommitOnBranch`): what a lost answer's commit holds. */
function messageParts(message: string): { headline: string; body?: string } {
  const [headline = "", ...rest] = message.split("\n");
  const body = rest.join("\n").replace(/^\n+/, "");
  return body === "" ? { headline } : { headline, body };
}

const asWritten = (message: string): string => {
  const { headline, body } = messageParts(message);
  return body === undefined ? headline : `${headline}\n\n${body}`;
};

/**
 * Whether the commit is one `createCommitOnBranch` can make: on a new branch (started at the base), or on the head
 * with the head's own files as its base, as one parent, with no deletion (GitHub refuses deleting a missing path).
 */
function fitsOneWrite(input: CommitInput, parents: readonly string[]): boolean {
  const onItsOwnFiles = input.expectedHead === null || input.expectedHead === input.baseSha;
  return onItsOwnFiles && parents.length === 1 && input.changes.every((change) => change.content !== null);
}

/**
 * The commit as one GraphQL write on top of `from` (`expectedHeadOid`: GitHub refuses it when the branch moved),
 * signed by GitHub; a new branch is first created at the base (one more write).
 */
async function commitInOneWrite(octokit: Octokit, target: Target, input: CommitInput, from: string, create: boolean): Promise<string> {
  if (create) await moveBranch(octokit, target, { ...input, expectedHead: null }, from);
  const additions = input.changes.map((change) => ({
    path: change.path,
    contents: Buffer.from(change.content ?? "", "utf8").toString("base64"),
  }));
  try {
    const answer = await octokit.graphql<{ createCommitOnBranch: { commit: { oid: string } | null } | null }>(CREATE_COMMIT, {
      input: {
        branch: { repositoryNameWithOwner: `${target.owner}/${target.repo}`, branchName: input.branch },
        expectedHeadOid: from,
        message: messageParts(input.message),
        fileChanges: { additions },
      },
    });
    const sha = answer.createCommitOnBranch?.commit?.oid;
    if (!sha) throw new GitHubCallError("createCommitOnBranch answered no commit", 500, "server", null);
    return sha;
  } catch (error) {
    if (error instanceof GraphqlResponseError && error.errors?.some(isStaleHead))
      throw new BranchMovedError(input.branch, from, null, { cause: error });
    throw error;
  }
}

/** GitHub's refusal of a commit whose `expectedHeadOid` is no longer the branch's head, by its type or its words. */
function isStaleHead(problem: { type?: string; message: string }): boolean {
  return problem.type === "STALE_DATA" || /expected branch to point to|expectedHeadOid/i.test(problem.message);
}

/**
 * One commit with `changes` on the files of `baseSha`, made on top of the branch's head as Foreman
 * last saw it (`expectedHead`): a compare-and-swap. Where it fits (`fitsOneWrite`: a new branch, or a
 * follow-up commit on the head's files) it is one `createCommitOnBranch` (plus the new branch's ref);
 * otherwise three Git Data writes (tree, commit, ref), as a merge of a moved base needs two parents.
 * A branch that moved elsewhere (someone pushed) throws `BranchMovedError` and keeps its commits. A
 * branch that already holds this very commit (a retry after a lost answer) keeps it; a new branch a
 * lost answer left at the base goes on from there.
 */
export async function commitOnBranch(octokit: Octokit, target: Target, input: CommitInput): Promise<{ sha: string }> {
  const found = await branchHead(octokit, target, input.branch);
  const startedAtBase = input.expectedHead === null && found === input.baseSha;
  const head = startedAtBase ? null : found;
  const parents = await parentsFor(octokit, target, input);
  if (head !== input.expectedHead) {
    const current = head === null ? null : await readCommit(octokit, target, head);
    // Only a commit with this message on these parents may be ours, from a try whose answer was lost.
    const maybeOurs =
      current !== null && [input.message, asWritten(input.message)].includes(current.message) && sameList(current.parents, parents);
    if (head === null || !maybeOurs) throw new BranchMovedError(input.branch, input.expectedHead, head);
    const treeSha = await treeOn(octokit, target, input.baseSha, input.changes);
    if (current?.treeSha !== treeSha) throw new BranchMovedError(input.branch, input.expectedHead, head);
    return { sha: head };
  }
  if (fitsOneWrite(input, parents)) {
    const create = input.expectedHead === null && !startedAtBase;
    return { sha: await commitInOneWrite(octokit, target, input, input.baseSha, create) };
  }
  const treeSha = await treeOn(octokit, target, input.baseSha, input.changes);
  const { data: commit } = await octokit.rest.git.createCommit({ ...target, message: input.message, tree: treeSha, parents });
  if (!commit.sha) throw new GitHubCallError("commit has no sha", 500, "server", null);
  await moveBranch(octokit, target, input, commit.sha);
  return { sha: commit.sha };
}
