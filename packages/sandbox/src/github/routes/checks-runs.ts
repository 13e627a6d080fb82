import { emitCheckRun, emitCheckSuite } from "../ci/check-events.ts";
import { addCheckRun, branchAt, createSuite, latestRuns, recomputeSuite } from "../ci/check-model.ts";
import { checkRunParts } from "../ci/payload-parts.ts";
import { actingAccount, paged, repoFrom, requireAccess, type RouteContext, type RouteTable } from "../context.ts";
import { ApiError, forbidden } from "../errors.ts";
import { isFullSha } from "../git/validation.ts";
import { serializeAnnotation, serializeCheckRun } from "../serializers/checks.ts";
import type { CheckRun, CheckSuite, Repository, SandboxApp } from "../state/types.ts";
import { checkRunOf, commitOfRef, queryInt, requireInstallationApp, requireReadPermission } from "./checks-access.ts";
import { annotationsOf, lifecycleOf, parseCheckRunBody, startedAtOf, type CheckRunBody } from "./checks-input.ts";

function present(context: RouteContext, repo: Repository, run: CheckRun): Record<string, unknown> {
  return serializeCheckRun(context.core.urls, repo, run, checkRunParts(context.core, repo, run));
}

/** The calling app's suite for the commit: one per app and head SHA, created on first use. */
async function suiteFor(context: RouteContext, repo: Repository, app: SandboxApp, sha: string): Promise<CheckSuite> {
  const { store } = context.core;
  const existing = store.checkSuitesFor(repo.id, sha).find((suite) => suite.appId === app.id);
  return existing ?? createSuite(store, repo, app.id, sha, await branchAt(repo, sha));
}

/** Refuses a SHA that is not a full commit SHA of the repository, with the 422 GitHub answers. */
export async function requireCommit(repo: Repository, sha: string): Promise<void> {
  if (!isFullSha(sha) || !(await repo.git.hasObject(sha.toLowerCase(), "commit"))) {
    throw new ApiError(422, `No commit found for SHA: ${sha}`);
  }
}

/** Sends what a change of a check run causes: its own event, then the suite's completion. */
async function announce(context: RouteContext, repo: Repository, run: CheckRun, created: boolean, completes: boolean): Promise<void> {
  const { core } = context;
  const sender = actingAccount(context);
  if (created) emitCheckRun(core, repo, run, "created", sender);
  if (completes) emitCheckRun(core, repo, run, "completed", sender);
  const suite = core.store.checkSuites.get(run.suiteId);
  if (suite && recomputeSuite(core.store, suite)) await emitCheckSuite(core, repo, suite, "completed", sender);
  core.mergeQueue?.checksChanged(repo, run.headSha);
}

async function createCheckRun(context: RouteContext): Promise<{ status: number; body: unknown }> {
  const repo = repoFrom(context);
  const app = requireInstallationApp(context);
  requireAccess(context, repo, "checks", "write");
  const body = parseCheckRunBody(context.body);
  const sha = (body.head_sha ?? "").toLowerCase();
  const name = body.name ?? "";
  await requireCommit(repo, sha);
  const now = context.core.store.timestamp();
  const lifecycle = lifecycleOf(body, null, now);
  const suite = await suiteFor(context, repo, app, sha);
  const run = addCheckRun(context.core.store, suite, {
    name,
    externalId: body.external_id ?? null,
    detailsUrl: body.details_url ?? null,
    status: lifecycle.status,
    conclusion: lifecycle.conclusion,
    startedAt: startedAtOf(body, now),
    completedAt: lifecycle.completedAt,
    output: {
      title: body.output?.title ?? null,
      summary: body.output?.summary ?? null,
      text: body.output?.text ?? null,
      annotations: annotationsOf(body),
    },
  });
  await announce(context, repo, run, true, lifecycle.completes);
  return { status: 201, body: present(context, repo, run) };
}

function applyUpdate(run: CheckRun, body: CheckRunBody, now: string): boolean {
  const lifecycle = lifecycleOf(body, run, now);
  const annotations = annotationsOf(body);
  if (body.name !== undefined) run.name = body.name;
  if (body.details_url !== undefined) run.detailsUrl = body.details_url;
  if (body.external_id !== undefined) run.externalId = body.external_id;
  if (body.started_at !== undefined) run.startedAt = startedAtOf(body, run.startedAt);
  run.status = lifecycle.status;
  run.conclusion = lifecycle.conclusion;
  run.completedAt = lifecycle.completedAt;
  if (body.output) {
    run.output = {
      title: body.output.title,
      summary: body.output.summary,
      text: body.output.text ?? run.output.text,
      annotations: [...run.output.annotations, ...annotations],
    };
  }
  return lifecycle.completes;
}

async function updateCheckRun(context: RouteContext): Promise<{ body: unknown }> {
  const repo = repoFrom(context);
  const app = requireInstallationApp(context);
  requireAccess(context, repo, "checks", "write");
  const run = checkRunOf(context, repo);
  if (run.appId !== app.id)
    throw forbidden("Invalid app_id `" + String(app.id) + "` - check run can only be modified by the GitHub App that created it.");
  const completes = applyUpdate(run, parseCheckRunBody(context.body), context.core.store.timestamp());
  await announce(context, repo, run, false, completes);
  return { body: present(context, repo, run) };
}

async function listForRef(context: RouteContext): Promise<{ body?: unknown; headers?: Record<string, string> }> {
  const repo = repoFrom(context);
  requireReadPermission(context, "checks");
  const sha = await commitOfRef(context, repo);
  const name = context.query.get("check_name");
  const status = context.query.get("status");
  const appId = queryInt(context, "app_id");
  const all = context.core.store.checkRunsFor(repo.id, sha);
  const runs = (context.query.get("filter") === "all" ? all : latestRuns(all))
    .filter(
      (run) =>
        (name === null || run.name === name) && (status === null || run.status === status) && (appId === null || run.appId === appId),
    )
    .sort((a, b) => b.id - a.id);
  return paged(context, runs, (page) => ({ total_count: runs.length, check_runs: page.map((run) => present(context, repo, run)) }));
}

export const checkRunRoutes: RouteTable = {
  "checks/create": createCheckRun,
  "checks/update": updateCheckRun,
  "checks/get": (context) => {
    const repo = repoFrom(context);
    requireReadPermission(context, "checks");
    return { body: present(context, repo, checkRunOf(context, repo)) };
  },
  "checks/list-for-ref": listForRef,
  "checks/list-annotations": (context) => {
    const repo = repoFrom(context);
    requireReadPermission(context, "checks");
    const run = checkRunOf(context, repo);
    return paged(context, run.output.annotations, (page) =>
      page.map((annotation) => serializeAnnotation(context.core.urls, repo, run, annotation)),
    );
  },
};
