import type { z } from "zod";
import { GitError, GitNotFastForwardError, GitRefUpdateConflictError } from "../../git/errors.ts";
import type { TreeEntryInput } from "../../git/types.ts";
import { GITHUB_COMMITTER } from "../../routes/pulls-common.ts";
import { onBranchMoved } from "../../routes/repos-branch-moved.ts";
import { identityOf } from "../../serializers/git.ts";
import type { Repository } from "../../state/types.ts";
import { GraphqlFailure, repositoryNotFound } from "../failure.ts";
import { commitObject } from "../git-objects.ts";
import { refObject } from "../object-graph.ts";
import { canSee, requireWrite, type ResolveContext } from "../resolve-context.ts";
import { CreateCommitInput, inputOf } from "./inputs.ts";

type Input = z.infer<typeof CreateCommitInput>;
type Args = Readonly<Record<string, unknown>>;

const staleHead = (expected: string): GraphqlFailure =>
  new GraphqlFailure("STALE_DATA", `Expected branch to point to "${expected}" but it did not.  Pull and try again.`);

function targetRepository(ctx: ResolveContext, input: Input): Repository {
  const nameWithOwner = input.branch.repositoryNameWithOwner;
  if (!nameWithOwner || !input.branch.branchName) {
    throw new GraphqlFailure("UNPROCESSABLE", "the sandbox resolves CommittableBranch by repositoryNameWithOwner and branchName only");
  }
  const [owner = "", name = ""] = nameWithOwner.split("/");
  const repo = ctx.core.store.findRepository(owner, name);
  if (!repo || !canSee(ctx, repo)) throw repositoryNotFound(nameWithOwner);
  return repo;
}

async function treeEntries(repo: Repository, parent: string, input: Input): Promise<TreeEntryInput[]> {
  const entries: TreeEntryInput[] = [];
  for (const deletion of input.fileChanges?.deletions ?? []) {
    const existing = await repo.git.stat(parent, deletion.path);
    if (existing?.type !== "blob") {
      throw new GraphqlFailure("UNPROCESSABLE", `A path was requested for deletion which does not exist as of commit oid \`${parent}\``);
    }
    entries.push({ path: existing.path, mode: existing.mode, type: "blob", sha: null });
  }
  for (const addition of input.fileChanges?.additions ?? []) {
    const existing = await repo.git.stat(parent, addition.path);
    const sha = await repo.git.createBlob(addition.contents, "base64");
    const mode = existing?.type === "blob" ? existing.mode : "100644";
    entries.push({ path: addition.path.replace(/^\/+/, ""), mode, type: "blob", sha });
  }
  return entries;
}

async function writeCommit(ctx: ResolveContext, repo: Repository, parent: string, input: Input): Promise<string> {
  const { tree: baseTree } = await repo.git.getCommit(parent);
  const entries = await treeEntries(repo, parent, input);
  const tree = entries.length === 0 ? baseTree : await repo.git.createTree(entries, baseTree);
  const { headline, body } = input.message;
  const message = body ? `${headline}\n\n${body}` : headline;
  return repo.git.createCommit({ message, tree, parents: [parent], author: identityOf(ctx.account), committer: GITHUB_COMMITTER });
}

/** Moves the branch to the new commit (fast-forward only), answering a race as stale data. */
async function advance(repo: Repository, branch: string, sha: string, expected: string): Promise<void> {
  try {
    await repo.git.updateRef(`heads/${branch}`, sha);
  } catch (error) {
    if (error instanceof GitNotFastForwardError || error instanceof GitRefUpdateConflictError) throw staleHead(expected);
    throw error;
  }
}

/** `createCommitOnBranch`: one commit of file additions and deletions on top of `expectedHeadOid`. */
export async function createCommitOnBranch(ctx: ResolveContext, args: Args): Promise<Record<string, unknown>> {
  const input = inputOf(CreateCommitInput, args);
  const repo = targetRepository(ctx, input);
  requireWrite(ctx, repo, ["contents"], "CreateCommitOnBranch");
  const branch = input.branch.branchName ?? "";
  const before = await repo.git.getRef(`heads/${branch}`);
  if (before === null) throw new GraphqlFailure("NOT_FOUND", `Could not resolve to a Ref with the name 'refs/heads/${branch}'.`);
  const expected = input.expectedHeadOid.toLowerCase();
  if (before !== expected) throw staleHead(input.expectedHeadOid);
  let sha: string;
  try {
    sha = await writeCommit(ctx, repo, before, input);
  } catch (error) {
    if (error instanceof GitError) throw new GraphqlFailure("UNPROCESSABLE", error.message);
    throw error;
  }
  await advance(repo, branch, sha, input.expectedHeadOid);
  await onBranchMoved(ctx.core, repo, { branch, before, after: sha, sender: ctx.account, forced: false });
  return {
    clientMutationId: input.clientMutationId ?? null,
    commit: commitObject(ctx, repo, sha),
    ref: refObject(ctx, repo, `refs/heads/${branch}`, sha),
  };
}
