import type { CheckRunInput, CheckSummary } from "../../ports/github-types.ts";
import type { Octokit, Target } from "./octokit.ts";

/** Every check run on a commit, with the slug of the app behind it. */
export async function listChecks(octokit: Octokit, target: Target, sha: string): Promise<CheckSummary[]> {
  const runs = await octokit.paginate(octokit.rest.checks.listForRef, { ...target, ref: sha, per_page: 100 });
  return runs.map((run) => ({
    name: run.name,
    appSlug: run.app?.slug ?? "",
    status: run.status,
    conclusion: run.conclusion,
    title: run.output.title,
    summary: run.output.summary,
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
