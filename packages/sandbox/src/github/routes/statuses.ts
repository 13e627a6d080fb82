import { actingAccount, paged, repoFrom, requireAccess, type RouteContext, type RouteResult, type RouteTable } from "../context.ts";
import { ApiError, validationFailed } from "../errors.ts";
import { serializeCombinedStatus, serializeStatus } from "../serializers/status.ts";
import { encodeNodeId } from "../state/store.ts";
import type { CommitStatus, CommitStatusState, Repository } from "../state/types.ts";
import { combinedState, contextKey, latestPerContext, MAX_STATUSES_PER_CONTEXT } from "../statuses/combined-state.ts";
import { emitStatus } from "../statuses/status-event.ts";
import { requireReadPermission } from "./checks-access.ts";
import { created } from "./created.ts";
import { requireCommit } from "./checks-runs.ts";

/** The request body once the dispatcher has checked it against GitHub's schema. */
interface StatusBody {
  state: CommitStatusState;
  target_url?: string | null;
  description?: string | null;
  context?: string;
}

/** The commit a `{ref}` names; GitHub answers an unknown ref of the status routes with 404. */
async function commitOf(context: RouteContext, repo: Repository): Promise<string> {
  const ref = context.params.ref ?? "";
  const sha = await repo.git.resolve(ref);
  if (!sha) throw new ApiError(404, `No commit found for SHA: ${ref}`);
  return sha;
}

function refuseBeyondLimit(context: RouteContext, repo: Repository, sha: string, name: string): void {
  const count = context.core.store.statusesFor(repo.id, sha).filter((status) => contextKey(status.context) === contextKey(name)).length;
  if (count < MAX_STATUSES_PER_CONTEXT) return;
  throw validationFailed("Validation Failed", [
    { resource: "Status", code: "custom", message: "This SHA and context has reached the maximum number of statuses." },
  ]);
}

async function createStatus(context: RouteContext): Promise<RouteResult> {
  const repo = repoFrom(context);
  requireAccess(context, repo, "statuses", "write");
  const sha = (context.params.sha ?? "").toLowerCase();
  await requireCommit(repo, sha);
  const body = context.body as unknown as StatusBody;
  const name = body.context ?? "default";
  refuseBeyondLimit(context, repo, sha, name);
  const { store } = context.core;
  const id = store.nextId();
  const status: CommitStatus = {
    repoId: repo.id,
    id,
    nodeId: encodeNodeId("SC", id),
    sha,
    state: body.state,
    targetUrl: body.target_url ?? null,
    description: body.description ?? null,
    context: name,
    creator: actingAccount(context),
    createdAt: store.timestamp(),
  };
  store.commitStatuses.set(id, status);
  await emitStatus(context.core, repo, status, status.creator);
  context.core.mergeQueue?.checksChanged(repo, sha);
  return created(serializeStatus(context.core, repo, status));
}

/** `GET /commits/{ref}/statuses`: every status of the commit, newest first. */
async function listStatuses(context: RouteContext): Promise<RouteResult> {
  const repo = repoFrom(context);
  requireReadPermission(context, "statuses");
  const sha = await commitOf(context, repo);
  const statuses = context.core.store.statusesFor(repo.id, sha).reverse();
  return paged(context, statuses, (page) => page.map((status) => serializeStatus(context.core, repo, status)));
}

/** `GET /commits/{ref}/status`: the latest status of each context and their combined state. */
async function getCombinedStatus(context: RouteContext): Promise<RouteResult> {
  const repo = repoFrom(context);
  requireReadPermission(context, "statuses");
  const sha = await commitOf(context, repo);
  const latest = latestPerContext(context.core.store.statusesFor(repo.id, sha));
  const state = combinedState(latest);
  return paged(context, latest, (page) =>
    serializeCombinedStatus(context.core, repo, { sha, state, statuses: page, totalCount: latest.length }),
  );
}

export const statusRoutes: RouteTable = {
  "repos/create-commit-status": createStatus,
  "repos/list-commit-statuses-for-ref": listStatuses,
  "repos/get-combined-status-for-ref": getCombinedStatus,
};
