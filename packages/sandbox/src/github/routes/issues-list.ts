import { paged, repoFrom, type RouteContext, type RouteResult, type RouteTable } from "../context.ts";
import { serializeLabel } from "../serializers/issue.ts";
import { serializeUser } from "../serializers/user.ts";
import { encodeNodeId } from "../state/store.ts";
import type { Issue, Repository } from "../state/types.ts";
import type { Delivery } from "../webhooks.ts";
import { issueFrom, issuePayload } from "./issues-common.ts";

/** The issue events the sandbox reports, read back from the webhooks it sent. */
const EVENT_ACTIONS = new Set(["labeled", "unlabeled", "closed", "reopened"]);

function matchesState(issue: Issue, state: string): boolean {
  return state === "all" || issue.state === state;
}

/** `GET /repos/{o}/{r}/issues`: issues and pull requests, filtered by `state` (default open) and `labels` (all must match). */
function listForRepoRoute(context: RouteContext): RouteResult {
  const repo = repoFrom(context);
  const state = context.query.get("state") ?? "open";
  const wanted = (context.query.get("labels") ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== "");
  const ascending = context.query.get("direction") === "asc";
  const issues = context.core.store
    .issuesOf(repo.id)
    .filter((issue) => matchesState(issue, state))
    .filter((issue) => wanted.every((name) => issue.labels.some((label) => label.toLowerCase() === name)))
    .sort((a, b) => (ascending ? a.number - b.number : b.number - a.number));
  return paged(context, issues, (page) => page.map((issue) => issuePayload(context.core, repo, issue)));
}

function aboutIssue(delivery: Delivery, repo: Repository, number: number): boolean {
  if (delivery.event !== "issues" && delivery.event !== "pull_request") return false;
  if (!EVENT_ACTIONS.has(delivery.action ?? "")) return false;
  const payload = delivery.payload as { repository?: { id?: number }; issue?: { number?: number }; pull_request?: { number?: number } };
  return payload.repository?.id === repo.id && (payload.issue?.number ?? payload.pull_request?.number) === number;
}

interface EventPayload {
  sender?: { login?: string };
  label?: { name?: string };
  issue?: { updated_at?: string };
  pull_request?: { updated_at?: string };
}

/** One delivery as the issue event GitHub lists for it. */
function issueEvent(context: RouteContext, repo: Repository, issue: Issue, delivery: Delivery, index: number): Record<string, unknown> {
  const { core } = context;
  const payload = delivery.payload as EventPayload;
  const actor = core.store.findAccount(payload.sender?.login ?? "");
  const label = payload.label?.name ? repo.labels.get(payload.label.name.toLowerCase()) : undefined;
  const id = issue.id * 1000 + index + 1;
  return {
    id,
    node_id: encodeNodeId("LE", id),
    url: `${core.urls.api}/repos/${repo.owner.login}/${repo.name}/issues/events/${id}`,
    actor: actor ? serializeUser(core.urls, actor) : null,
    event: delivery.action ?? "",
    commit_id: null,
    commit_url: null,
    created_at: payload.issue?.updated_at ?? payload.pull_request?.updated_at ?? core.store.timestamp(),
    performed_via_github_app: null,
    ...(label ? { label: { name: serializeLabel(core.urls, repo, label).name, color: label.color } } : {}),
  };
}

/** `GET /repos/{o}/{r}/issues/{n}/events`: who labelled, unlabelled, closed or reopened the issue, oldest first. */
function listEventsRoute(context: RouteContext): RouteResult {
  const repo = repoFrom(context);
  const issue = issueFrom(context, repo);
  const deliveries = context.core.webhooks.deliveries().filter((delivery) => aboutIssue(delivery, repo, issue.number));
  return paged(
    context,
    deliveries.map((delivery, index) => issueEvent(context, repo, issue, delivery, index)),
  );
}

export const issueListRoutes: RouteTable = {
  "issues/list-for-repo": listForRepoRoute,
  "issues/list-events": listEventsRoute,
};
