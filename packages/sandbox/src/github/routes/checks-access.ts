import { intParam, type RouteContext } from "../context.ts";
import { ApiError, forbidden, notFound } from "../errors.ts";
import type { CheckRun, CheckSuite, Repository, SandboxApp } from "../state/types.ts";

/** Writing checks is for GitHub Apps only: tokens of users and OAuth apps are refused. */
export function requireInstallationApp(context: RouteContext): SandboxApp {
  const { actor } = context;
  if (actor.kind === "installation") return actor.app;
  if (actor.kind === "user") throw new ApiError(403, "You must authenticate via a GitHub App.");
  throw new ApiError(401, "Requires authentication");
}

/** An installation needs at least read access of the given permission to read these resources. */
export function requireReadPermission(context: RouteContext, permission: string): void {
  const { actor } = context;
  if (actor.kind === "installation" && actor.app.permissions[permission] === undefined) throw forbidden();
}

export function checkRunOf(context: RouteContext, repo: Repository): CheckRun {
  const run = context.core.store.checkRuns.get(intParam(context, "check_run_id"));
  if (!run || run.repoId !== repo.id) throw notFound();
  return run;
}

export function checkSuiteOf(context: RouteContext, repo: Repository): CheckSuite {
  const suite = context.core.store.checkSuites.get(intParam(context, "check_suite_id"));
  if (!suite || suite.repoId !== repo.id) throw notFound();
  return suite;
}

/** The commit a `{ref}` path parameter names: a SHA, a branch, `heads/x` or a tag. */
export async function commitOfRef(context: RouteContext, repo: Repository): Promise<string> {
  const ref = context.params.ref ?? "";
  const sha = await repo.git.resolve(ref);
  if (!sha) throw new ApiError(422, `No commit found for SHA: ${ref}`);
  return sha;
}

export function queryInt(context: RouteContext, name: string): number | null {
  const value = context.query.get(name);
  if (value === null || value === "") return null;
  const parsed = Number(value);
  return Number.isInteger(parsed) ? parsed : null;
}
