import { z } from "zod";
import { actingAccount, repoFrom, requireAccess, type RouteContext, type RouteResult } from "../context.ts";
import type { SandboxCore } from "../core.ts";
import { ApiError } from "../errors.ts";
import { GitNotFastForwardError, GitRefUpdateConflictError } from "../git/errors.ts";
import { goesThroughQueue } from "../merge-queue/auto-merge.ts";
import type { MergeMethod } from "../git/types.ts";
import { requireMergeMethodAllowed, requireMergeRules } from "../protection/require-rules.ts";
import { identityOf } from "../serializers/git.ts";
import { pullIssue } from "../serializers/pull.ts";
import type { PullRequest, Repository } from "../state/types.ts";
import { GITHUB_COMMITTER, parseInput, pullFrom } from "./pulls-common.ts";
import { completePullMerge } from "./pulls-merged.ts";
import { currentBaseSha, isPullOpen } from "./pulls-stats.ts";

const MergePullBody = z.object({
  commit_title: z.string().optional(),
  commit_message: z.string().optional(),
  sha: z.string().optional(),
  merge_method: z.enum(["merge", "squash", "rebase"]).optional(),
});
type MergePullInput = z.infer<typeof MergePullBody>;

const notMergeable = (): ApiError => new ApiError(405, "Pull Request is not mergeable");
const headModified = (): ApiError => new ApiError(409, "Head branch was modified. Review and try the merge again.");

/** The checks GitHub makes before it tries to merge, in its order. */
function requireMergeAllowed(core: SandboxCore, repo: Repository, pull: PullRequest, input: MergePullInput): void {
  if (!isPullOpen(core, pull)) throw notMergeable();
  if (goesThroughQueue(repo, pull)) {
    throw new ApiError(405, "Changes must be made through the merge queue");
  }
  if (pull.draft) throw new ApiError(405, "Pull Request is still a draft");
  if (input.sha !== undefined && input.sha.toLowerCase() !== pull.headSha) throw headModified();
  requireMergeMethodAllowed(repo, pull, input.merge_method ?? "merge");
}

async function squashMessage(repo: Repository, base: string, head: string): Promise<string> {
  const shas = (await repo.git.compare(base, head)).commits;
  const commits = await Promise.all(shas.map((sha) => repo.git.getCommit(sha)));
  if (commits.length === 1) return commits[0]?.message.split("\n").slice(2).join("\n") ?? "";
  return commits.map((commit) => `* ${commit.message}`).join("\n\n");
}

/** GitHub's default commit message for each merge method, unless the caller set one. */
async function commitMessage(
  core: SandboxCore,
  repo: Repository,
  pull: PullRequest,
  input: MergePullInput,
  range: { base: string; head: string },
): Promise<string> {
  const issue = pullIssue(core, pull);
  const method = input.merge_method ?? "merge";
  if (method === "squash") {
    const title = input.commit_title ?? `${issue.title} (#${pull.number})`;
    const body = input.commit_message ?? (await squashMessage(repo, range.base, range.head));
    return body === "" ? title : `${title}\n\n${body}`;
  }
  const title = input.commit_title ?? `Merge pull request #${pull.number} from ${repo.owner.login}/${pull.headRef}`;
  const body = input.commit_message ?? issue.title;
  return body === "" ? title : `${title}\n\n${body}`;
}

async function moveBase(repo: Repository, pull: PullRequest, sha: string): Promise<void> {
  try {
    await repo.git.updateRef(`heads/${pull.baseRef}`, sha, { force: false });
  } catch (error) {
    if (error instanceof GitNotFastForwardError || error instanceof GitRefUpdateConflictError) {
      throw new ApiError(405, "Base branch was modified. Review and try the merge again.");
    }
    throw error;
  }
}

/** `PUT /pulls/{pull_number}/merge`: merge, squash or rebase the head onto the base branch. */
export async function mergePull(context: RouteContext): Promise<RouteResult> {
  const { core } = context;
  const repo = repoFrom(context);
  const pull = pullFrom(context, repo);
  requireAccess(context, repo, "contents", "write");
  const input = parseInput(MergePullBody, context.body);
  const sender = actingAccount(context);
  requireMergeAllowed(core, repo, pull, input);
  // The head checked against `sha` is the head merged, as on GitHub: a push while the merge is made does not slip into it.
  const head = pull.headSha;
  const baseBefore = await currentBaseSha(core, repo, pull);
  const method: MergeMethod = input.merge_method ?? "merge";
  const message = await commitMessage(core, repo, pull, input, { base: baseBefore, head });
  const author = identityOf(sender);
  const result = await repo.git.merge({ base: baseBefore, head, message, method, author, committer: GITHUB_COMMITTER });
  if (result.conflict) throw notMergeable();
  await requireMergeRules(core, repo, pull, baseBefore);
  // GitHub merges atomically: a push that came while the merge was made came first, and the merge is refused.
  if (pull.headSha !== head || (await repo.git.resolve(`refs/heads/${pull.headRef}`)) !== head) throw headModified();
  await moveBase(repo, pull, result.sha);
  // A push after this point came after the merge: the merged pull request keeps the head it merged.
  pull.headSha = head;
  await completePullMerge(core, repo, pull, { mergeCommitSha: result.sha, baseBefore, mergedBy: sender });
  return { body: { sha: result.sha, merged: true, message: "Pull Request successfully merged" } };
}
