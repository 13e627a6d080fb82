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

/** GitHub takes at most 50 annotations in one request. */
const MAX_ANNOTATIONS = 50;

/** Annotations as GitHub takes them: failures, each on one line. */
function annotationsOf(input: CheckRunInput, existing: number) {
  if (!input.annotations || input.annotations.length === 0 || existing > 0) return {};
  const annotations = input.annotations.slice(0, MAX_ANNOTATIONS).map((annotation) => ({
    path: annotation.path,
    start_line: annotation.line,
    end_line: annotation.line,
    annotation_level: "failure" as const,
    message: annotation.message,
  }));
  return { annotations };
}

/**
 * Finds the check run by its `external_id` on the commit and updates it, or creates it. Annotations
 * go only to a run that has none yet: GitHub adds those of an update to the ones the run holds.
 */
export async function ensureCheckRun(octokit: Octokit, target: Target, input: CheckRunInput): Promise<{ id: number }> {
  const { data } = await octokit.rest.checks.listForRef({ ...target, ref: input.sha, check_name: input.name, filter: "all" });
  const existing = data.check_runs.find((run) => run.external_id === input.externalId);
  const fields = (annotated: number) => ({
    status: input.status,
    ...(input.conclusion ? { conclusion: input.conclusion } : {}),
    output: { title: input.title, summary: input.summary, ...annotationsOf(input, annotated) },
  });
  if (existing) {
    await octokit.rest.checks.update({ ...target, check_run_id: existing.id, ...fields(existing.output.annotations_count) });
    return { id: existing.id };
  }
  const { data: created } = await octokit.rest.checks.create({
    ...target,
    name: input.name,
    head_sha: input.sha,
    external_id: input.externalId,
    ...fields(0),
  });
  return { id: created.id };
}
