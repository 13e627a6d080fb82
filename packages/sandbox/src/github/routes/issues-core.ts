import { z } from "zod";
import { actingAccount, repoFrom, requireAccess, type RouteContext, type RouteResult } from "../context.ts";
import type { SandboxCore } from "../core.ts";
import type { Account, Issue, Repository } from "../state/types.ts";
import { created } from "./created.ts";
import { readBody } from "./git-data-common.ts";
import { openIssue } from "./issues-admin.ts";
import { callerHas, emitIssueEvent, issueDetailPayload, issueFrom, requireIssueAccess, touch } from "./issues-common.ts";
import { changeLabels, labelNames } from "./issues-labels-state.ts";
import { onPullClosed } from "./pulls-hooks.ts";

const LabelInput = z.union([z.string(), z.object({ name: z.string() })]);

const CreateIssueBody = z.object({
  title: z.union([z.string(), z.number()]),
  body: z.string().nullable().optional(),
  labels: z.array(LabelInput).optional(),
});

const UpdateIssueBody = z.object({
  title: z.union([z.string(), z.number()]).nullable().optional(),
  body: z.string().nullable().optional(),
  state: z.enum(["open", "closed"]).optional(),
  state_reason: z.enum(["completed", "not_planned", "reopened"]).nullable().optional(),
  labels: z.array(LabelInput).optional(),
});
type UpdateIssueInput = z.infer<typeof UpdateIssueBody>;

export function getIssueRoute(context: RouteContext): RouteResult {
  const repo = repoFrom(context);
  return { body: issueDetailPayload(context.core, repo, issueFrom(context, repo)) };
}

/** `POST /issues`: labels are kept only for callers with push access, as on GitHub. */
export async function createIssueRoute(context: RouteContext): Promise<RouteResult> {
  const repo = repoFrom(context);
  requireAccess(context, repo, "issues", "read");
  const input = readBody(CreateIssueBody, context.body);
  const labels = callerHas(context, repo, "write") ? labelNames(input.labels ?? []) : [];
  const issue = await openIssue(context.core, repo, {
    author: actingAccount(context),
    title: String(input.title),
    body: input.body ?? null,
    labels,
  });
  return created(issueDetailPayload(context.core, repo, issue));
}

/** Applies title and body; returns the `changes` of `issues.edited` (empty when nothing changed). */
function applyEdits(issue: Issue, input: UpdateIssueInput): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  if (input.title !== undefined && input.title !== null && String(input.title) !== issue.title) {
    changes.title = { from: issue.title };
    issue.title = String(input.title);
  }
  if (input.body !== undefined && input.body !== issue.body) {
    changes.body = { from: issue.body ?? "" };
    issue.body = input.body;
  }
  return changes;
}

/** Closes or reopens; returns the webhook action, or null when the state stays. */
function applyState(core: SandboxCore, issue: Issue, input: UpdateIssueInput, sender: Account): "closed" | "reopened" | null {
  if (input.state === "closed" && issue.state === "open") {
    issue.state = "closed";
    issue.stateReason = input.state_reason === "not_planned" ? "not_planned" : "completed";
    issue.closedAt = core.store.timestamp();
    issue.closedBy = sender;
    return "closed";
  }
  if (input.state === "open" && issue.state === "closed") {
    issue.state = "open";
    issue.stateReason = "reopened";
    issue.closedAt = null;
    issue.closedBy = null;
    return "reopened";
  }
  if (input.state_reason !== undefined && input.state === undefined && issue.state === "closed" && input.state_reason !== "reopened") {
    issue.stateReason = input.state_reason;
  }
  return null;
}

function requireEditAccess(context: RouteContext, repo: Repository, issue: Issue): void {
  const { actor } = context;
  if (actor.kind === "user" && actor.account.id === issue.user.id) return;
  requireIssueAccess(context, repo, "triage", issue);
}

/** `PATCH /issues/{n}`: sends `edited`, `labeled`/`unlabeled`, then `closed`/`reopened`. */
export async function updateIssueRoute(context: RouteContext): Promise<RouteResult> {
  const repo = repoFrom(context);
  const issue = issueFrom(context, repo);
  requireEditAccess(context, repo, issue);
  const input = readBody(UpdateIssueBody, context.body);
  const { core } = context;
  const sender = actingAccount(context);
  const changes = applyEdits(issue, input);
  if (Object.keys(changes).length > 0) {
    touch(core, issue);
    await emitIssueEvent(core, repo, issue, sender, "edited", { changes });
  }
  if (input.labels !== undefined && callerHas(context, repo, "triage")) {
    await changeLabels(core, repo, issue, sender, { names: labelNames(input.labels), mode: "set" });
  }
  const stateChange = applyState(core, issue, input, sender);
  if (stateChange !== null) {
    touch(core, issue);
    await emitIssueEvent(core, repo, issue, sender, stateChange);
    const pull = issue.isPullRequest ? core.store.pull(repo.id, issue.number) : undefined;
    if (pull && stateChange === "closed") await onPullClosed(core, repo, pull, sender);
  }
  return { body: issueDetailPayload(core, repo, issue) };
}
