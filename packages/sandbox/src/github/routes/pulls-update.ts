import { z } from "zod";
import { actingAccount, repoFrom, requireAccess, type RouteContext, type RouteResult } from "../context.ts";
import type { SandboxCore } from "../core.ts";
import { validationFailed } from "../errors.ts";
import { pullIssue, serializePullRequest } from "../serializers/pull.ts";
import type { Account, PullRequest, Repository } from "../state/types.ts";
import { emitPullRequest, parseInput, pullFrom } from "./pulls-common.ts";
import { onPullClosed } from "./pulls-hooks.ts";
import { computePullStats, isPullOpen } from "./pulls-stats.ts";

const UpdatePullBody = z.object({
  title: z.string().optional(),
  body: z.string().nullable().optional(),
  state: z.enum(["open", "closed"]).optional(),
  base: z.string().optional(),
  maintainer_can_modify: z.boolean().optional(),
});
type UpdatePullInput = z.infer<typeof UpdatePullBody>;

type StateChange = "closed" | "reopened" | null;

const custom = (field: string, message: string): ReturnType<typeof validationFailed> =>
  validationFailed("Validation Failed", [{ resource: "PullRequest", code: "custom", field, message }]);

/** Applies title, body and base; returns the `changes` object of `pull_request.edited`. */
function applyEdits(core: SandboxCore, pull: PullRequest, input: UpdatePullInput, baseTip: string | null): Record<string, unknown> {
  const issue = pullIssue(core, pull);
  const changes: Record<string, unknown> = {};
  if (input.title !== undefined && input.title !== issue.title) {
    changes.title = { from: issue.title };
    issue.title = input.title;
  }
  if (input.body !== undefined && input.body !== issue.body) {
    changes.body = { from: issue.body ?? "" };
    issue.body = input.body;
  }
  if (input.base !== undefined && baseTip !== null && input.base !== pull.baseRef) {
    changes.base = { ref: { from: pull.baseRef }, sha: { from: pull.baseSha } };
    pull.baseRef = input.base;
    pull.baseSha = baseTip;
  }
  if (input.maintainer_can_modify !== undefined) pull.maintainerCanModify = input.maintainer_can_modify;
  return changes;
}

/** The new base branch's tip, checking the base may change; `null` when the base stays. */
async function newBaseTip(core: SandboxCore, repo: Repository, pull: PullRequest, input: UpdatePullInput): Promise<string | null> {
  if (input.base === undefined || input.base === pull.baseRef) return null;
  const openAfter = input.state === undefined ? isPullOpen(core, pull) : input.state === "open";
  if (!openAfter) throw custom("base", "Cannot change the base branch of a closed pull request.");
  const tip = await repo.git.getRef(`heads/${input.base}`);
  if (tip === null) throw validationFailed("Validation Failed", [{ resource: "PullRequest", field: "base", code: "invalid" }]);
  return tip;
}

async function requireReopenable(core: SandboxCore, repo: Repository, pull: PullRequest): Promise<void> {
  if (pull.merged) throw custom("state", "state cannot be changed. The pull request has already been merged.");
  const head = await repo.git.getRef(`heads/${pull.headRef}`);
  if (head === null) throw custom("state", `state cannot be changed. The ${pull.headRef} branch has been deleted.`);
  const other = core.store
    .pullsOf(repo.id)
    .find(
      (candidate) =>
        candidate !== pull && candidate.headRef === pull.headRef && candidate.baseRef === pull.baseRef && isPullOpen(core, candidate),
    );
  if (other)
    throw custom("state", `state cannot be changed. There is already an open pull request from ${pull.headRef} to ${pull.baseRef}.`);
}

/** Checks a state change is allowed before anything is applied; returns what it will be. */
async function plannedState(core: SandboxCore, repo: Repository, pull: PullRequest, state: UpdatePullInput["state"]): Promise<StateChange> {
  if (state === undefined || state === pullIssue(core, pull).state) return null;
  if (state === "closed") return "closed";
  await requireReopenable(core, repo, pull);
  return "reopened";
}

function applyState(core: SandboxCore, pull: PullRequest, change: StateChange, sender: Account): void {
  const issue = pullIssue(core, pull);
  if (change === "closed") {
    issue.state = "closed";
    issue.closedAt = core.store.timestamp();
    issue.closedBy = sender;
  } else if (change === "reopened") {
    issue.state = "open";
    issue.closedAt = null;
    issue.closedBy = null;
  }
}

async function announce(
  core: SandboxCore,
  repo: Repository,
  pull: PullRequest,
  sender: Account,
  edits: Record<string, unknown>,
  change: StateChange,
): Promise<void> {
  if (Object.keys(edits).length > 0) await emitPullRequest(core, repo, pull, sender, "edited", { changes: edits });
  if (change === null) return;
  await emitPullRequest(core, repo, pull, sender, change);
  if (change === "closed") await onPullClosed(core, repo, pull, sender);
  if (change === "reopened") {
    core.spawn(
      () =>
        core.ci?.trigger({ repo, sha: pull.headSha, event: "pull_request", headBranch: pull.headRef, pullNumbers: [pull.number] }) ??
        Promise.resolve(null),
    );
  }
}

/** `PATCH /pulls/{pull_number}`: title, body, base, state; sends `edited`, `closed` or `reopened`. */
export async function updatePull(context: RouteContext): Promise<RouteResult> {
  const { core } = context;
  const repo = repoFrom(context);
  const pull = pullFrom(context, repo);
  const sender = actingAccount(context);
  const isAuthor = pullIssue(core, pull).user.id === sender.id;
  requireAccess(context, repo, "pull_requests", isAuthor ? "read" : "triage");
  const input = parseInput(UpdatePullBody, context.body);
  const change = await plannedState(core, repo, pull, input.state);
  const baseTip = await newBaseTip(core, repo, pull, input);
  if (change === "reopened") pull.headSha = (await repo.git.getRef(`heads/${pull.headRef}`)) ?? pull.headSha;
  applyState(core, pull, change, sender);
  const edits = applyEdits(core, pull, input, baseTip);
  if (Object.keys(edits).length > 0 || change !== null) pullIssue(core, pull).updatedAt = core.store.timestamp();
  core.store.savePull(pull);
  await announce(core, repo, pull, sender, edits, change);
  return { body: serializePullRequest(core, repo, pull, await computePullStats(core, repo, pull)) };
}
