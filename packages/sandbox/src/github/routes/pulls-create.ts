import { z } from "zod";
import { actingAccount, repoFrom, requireAccess, type RouteContext, type RouteResult } from "../context.ts";
import type { SandboxCore } from "../core.ts";
import { validationFailed } from "../errors.ts";
import { GitError } from "../git/errors.ts";
import { requestCodeOwners } from "../protection/review-requests.ts";
import { serializePullRequest } from "../serializers/pull.ts";
import { repositoryFullName } from "../serializers/repository.ts";
import { repoApi } from "../serializers/urls.ts";
import { encodeNodeId } from "../state/store.ts";
import type { Account, Issue, PullRequest, Repository } from "../state/types.ts";
import { emitPullRequest, headBranchName, parseInput } from "./pulls-common.ts";
import { isPullOpen } from "./pulls-stats.ts";

const CreatePullBody = z.object({
  title: z.string().optional(),
  head: z.string(),
  base: z.string(),
  body: z.string().nullable().optional(),
  draft: z.boolean().optional(),
  maintainer_can_modify: z.boolean().optional(),
  issue: z.number().int().optional(),
});
type CreatePullInput = z.infer<typeof CreatePullBody>;

const invalidField = (field: string, code = "invalid"): ReturnType<typeof validationFailed> =>
  validationFailed("Validation Failed", [{ resource: "PullRequest", field, code }]);

const custom = (message: string): ReturnType<typeof validationFailed> =>
  validationFailed("Validation Failed", [{ resource: "PullRequest", code: "custom", message }]);

interface Branches {
  headRef: string;
  headSha: string;
  baseRef: string;
  baseSha: string;
}

async function resolveBranches(repo: Repository, input: CreatePullInput): Promise<Branches> {
  const baseSha = await repo.git.getRef(`heads/${input.base}`);
  if (baseSha === null) throw invalidField("base");
  const headRef = headBranchName(repo, input.head);
  const headSha = headRef === null ? null : await repo.git.getRef(`heads/${headRef}`);
  if (headRef === null || headSha === null) throw invalidField("head");
  return { headRef, headSha, baseRef: input.base, baseSha };
}

async function requireNewCommits(repo: Repository, branches: Branches): Promise<void> {
  const noCommits = custom(`No commits between ${branches.baseRef} and ${branches.headRef}`);
  if (branches.headRef === branches.baseRef) throw noCommits;
  try {
    const comparison = await repo.git.compare(branches.baseSha, branches.headSha);
    if (comparison.aheadBy === 0) throw noCommits;
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    throw custom(`The ${branches.baseRef} branch has no history in common with ${branches.headRef}`);
  }
}

function requireNoOpenDuplicate(core: SandboxCore, repo: Repository, branches: Branches): void {
  const duplicate = core.store
    .pullsOf(repo.id)
    .find((pull) => pull.headRef === branches.headRef && pull.baseRef === branches.baseRef && isPullOpen(core, pull));
  if (duplicate) throw custom(`A pull request already exists for ${repo.owner.login}:${branches.headRef}.`);
}

/** The issue the pull request lives in: a new one, or an existing issue being converted. */
function issueFor(core: SandboxCore, repo: Repository, input: CreatePullInput, author: Account): Issue {
  const { store } = core;
  const now = store.timestamp();
  if (input.issue !== undefined) {
    const existing = store.issue(repo.id, input.issue);
    if (!existing || existing.isPullRequest || existing.state !== "open") {
      throw validationFailed("Validation Failed", [{ resource: "PullRequest", field: "issue", code: "invalid" }]);
    }
    existing.isPullRequest = true;
    existing.updatedAt = now;
    return existing;
  }
  if (input.title === undefined || input.title.trim() === "") throw invalidField("title", "missing_field");
  const id = store.nextId();
  const number = repo.nextNumber;
  repo.nextNumber += 1;
  return {
    repoId: repo.id,
    number,
    id,
    nodeId: encodeNodeId("I", id),
    title: input.title,
    body: input.body ?? null,
    user: author,
    state: "open",
    stateReason: null,
    labels: [],
    locked: false,
    isPullRequest: true,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    closedBy: null,
    reactions: [],
  };
}

function newPull(core: SandboxCore, issue: Issue, branches: Branches, input: CreatePullInput): PullRequest {
  const id = core.store.nextId();
  return {
    repoId: issue.repoId,
    number: issue.number,
    id,
    nodeId: encodeNodeId("PR", id),
    ...branches,
    draft: input.draft ?? false,
    merged: false,
    mergedAt: null,
    mergedBy: null,
    mergeCommitSha: null,
    maintainerCanModify: input.maintainer_can_modify ?? false,
    autoMerge: null,
  };
}

/** `POST /repos/{owner}/{repo}/pulls` */
export async function createPull(context: RouteContext): Promise<RouteResult> {
  const { core } = context;
  const repo = repoFrom(context);
  requireAccess(context, repo, "pull_requests", "read");
  const input = parseInput(CreatePullBody, context.body);
  const sender = actingAccount(context);
  const branches = await resolveBranches(repo, input);
  requireNoOpenDuplicate(core, repo, branches);
  await requireNewCommits(repo, branches);
  const issue = issueFor(core, repo, input, sender);
  const pull = newPull(core, issue, branches, input);
  core.store.saveIssue(issue);
  core.store.savePull(pull);
  await emitPullRequest(core, repo, pull, sender, "opened");
  core.spawn(
    () =>
      core.ci?.trigger({ repo, sha: pull.headSha, event: "pull_request", headBranch: pull.headRef, pullNumbers: [pull.number] }) ??
      Promise.resolve(null),
  );
  const location = `${repoApi(core.urls, repositoryFullName(repo))}/pulls/${pull.number}`;
  // GitHub asks the code owners after it answers: the new pull request lists no requested reviewer yet.
  const body = serializePullRequest(core, repo, pull);
  await requestCodeOwners(core, repo, pull, sender);
  return { status: 201, body, headers: { location } };
}
