import type { CheckRunInput, CheckSummary } from "../../ports/github-types.ts";
import type { Octokit, Target } from "./octokit.ts";

/** Every check run on a commit, with the slug of the app behind it, and the commit's statuses (external CI) as checks too. */
export async function listChecks(octokit: Octokit, target: Target, sha: string): Promise<CheckSummary[]> {
  const runs = await octokit.paginate(octokit.rest.checks.listForRef, { ...target, ref: sha, per_page: 100 });
  const checks = runs.map((run) => ({
    name: run.name,
    appSlug: run.app?.slug ?? "",
    status: run.status,
    conclusion: run.conclusion,
    title: run.output.title,
    summary: run.output.summary,
  }));
  return [...checks, ...(await listStatuses(octokit, target, sha))];
}

/** GitHub's states of a commit status, as a check run's conclusion: `error` is a failure too. */
const STATUS_CONCLUSIONS: Readonly<Record<string, string>> = { success: "success", failure: "failure", error: "failure" };

/**
 * The latest status of each context on a commit (Jenkins, CircleCI, Buildkite … report this way),
 * as checks named by their context: pending is still running.
 */
async function listStatuses(octokit: Octokit, target: Target, sha: string): Promise<CheckSummary[]> {
  const { data } = await octokit.rest.repos.getCombinedStatusForRef({ ...target, ref: sha, per_page: 100 });
  return data.statuses.map((status) => ({
    name: status.context,
    appSlug: "",
    status: status.state === "pending" ? "in_progress" : "completed",
    conclusion: STATUS_CONCLUSIONS[status.state] ?? null,
    title: status.description ?? null,
    summary: null,
  }));
}

/** Finds the check run by its `external_id` on the commit and updates it, or creates it. */
export async function ensureCheckRun(octokit: Octokit, target: Target, input: CheckRunInput): Promise<{ id: number }> {
  const { data } = await octokit.rest.checks.listForRef({ ...target, ref: input.sha, check_name: input.name, filter: "all" });
  const existing = data.check_runs.find((run) => run.external_id === input.externalId);
  const fields = {
    status: input.status,
    ...(input.conclusion ? { conclusion: input.conclusion } : {}),
    output: { title: input.title, summary: input.summary },
  };
  if (existing) {
    await octokit.rest.checks.update({ ...target, check_run_id: existing.id, ...fields });
    return { id: existing.id };
  }
  const { data: created } = await octokit.rest.checks.create({
    ...target,
    name: input.name,
    head_sha: input.sha,
    external_id: input.externalId,
    ...fields,
  });
  return { id: created.id };
}
