import { intParam, permissionAtLeast, permissionOf, requireAccess, type RouteContext } from "../context.ts";
import type { SandboxCore } from "../core.ts";
import { notFound } from "../errors.ts";
import { serializeIssue, serializeIssueDetail } from "../serializers/issue.ts";
import type { Account, Issue, Permission, Repository } from "../state/types.ts";
import { emitPullRequest } from "./pulls-common.ts";

/** The `{issue_number}` issue (or pull request, which is an issue too), or 404. */
export function issueFrom(context: RouteContext, repo: Repository): Issue {
  const issue = context.core.store.issue(repo.id, intParam(context, "issue_number"));
  if (!issue) throw notFound();
  return issue;
}

/**
 * Checks the caller may act on an issue: a user needs `userLevel`, an installation needs
 * `issues: write` (or `pull_requests: write` when the issue is a pull request).
 */
export function requireIssueAccess(context: RouteContext, repo: Repository, userLevel: Permission, issue?: Issue): void {
  const { actor } = context;
  if (actor.kind === "installation" && issue?.isPullRequest && actor.app.permissions.pull_requests === "write") return;
  requireAccess(context, repo, "issues", userLevel);
}

/** Whether the caller has at least `level` on the repository (installations: issues write). */
export function callerHas(context: RouteContext, repo: Repository, level: Permission): boolean {
  const { actor } = context;
  if (actor.kind === "installation") return actor.app.permissions.issues === "write";
  return actor.kind === "user" && permissionAtLeast(permissionOf(repo, actor.account), level);
}

export function issuePayload(core: SandboxCore, repo: Repository, issue: Issue): Record<string, unknown> {
  return serializeIssue(core.urls, repo, issue, core.store.commentsOn(repo.id, issue.number).length);
}

/** The answer of the routes about one issue (get, create, update), which carries `closed_by`. */
export function issueDetailPayload(core: SandboxCore, repo: Repository, issue: Issue): Record<string, unknown> {
  return serializeIssueDetail(core.urls, repo, issue, core.store.commentsOn(repo.id, issue.number).length);
}

/**
 * Sends what GitHub sends when an issue changes: `issues.<action>` for an issue,
 * `pull_request.<action>` for a pull request.
 */
export async function emitIssueEvent(
  core: SandboxCore,
  repo: Repository,
  issue: Issue,
  sender: Account,
  action: string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const pull = issue.isPullRequest ? core.store.pull(repo.id, issue.number) : undefined;
  if (pull) {
    await emitPullRequest(core, repo, pull, sender, action, extra);
    return;
  }
  core.emit(repo, "issues", sender, { action, issue: issuePayload(core, repo, issue), ...extra });
}

export function touch(core: SandboxCore, issue: Issue): void {
  issue.updatedAt = core.store.timestamp();
}
