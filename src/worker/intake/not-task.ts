import { PullCheckRunId, RepoKey } from "../../domain/ids.ts";
import type { GitHubWrite } from "../../engine/effects.ts";
import type { RepoRef } from "../../engine/types.ts";
import type { RepoReads } from "../../ports/github.ts";
import { renderCheckRunOutput } from "../../render/index.ts";
import type { Store } from "../../store/store.ts";
import { FOREMAN_CHECK } from "../ci-outcome.ts";
import type { WorkerDeps } from "../deps.ts";
import type { Intake } from "../intake.ts";
import { configCheck } from "./config-check.ts";
import { answerForRepository, NOTHING, type IntakePlan } from "./routed.ts";

/**
 * Whether merging into `branch` requires the `Foreman` check (a ruleset or classic protection).
 * Only then does Foreman pass its check on work that is not its own: elsewhere the write would
 * spend GitHub's write limits for nothing.
 */
export async function requiresForemanCheck(github: RepoReads, branch: string): Promise<boolean> {
  return (await github.requiredChecks(branch)).includes(FOREMAN_CHECK);
}

/** Whether `sha` is the head of a task of an open workflow of the repository: its check there is the task's, never a pass. */
function isTaskHead(store: Store, ref: RepoRef, sha: string): boolean {
  const repository = RepoKey.toString(ref);
  return store
    .openWorkflows()
    .some(({ state }) => RepoKey.toString(state.ref) === repository && Object.values(state.tasks).some((task) => task.headSha === sha));
}

/** The passing `Foreman` check on a pull request that is not a task: on its head, or on the merge group that tests it. */
export function notTaskCheck(ref: RepoRef, pr: number, sha: string, on: "head" | "merge_group"): GitHubWrite {
  const externalId = PullCheckRunId.toString({ ...ref, pr, on });
  return { type: "report_check", sha, externalId, state: "success", ...renderCheckRunOutput({ kind: "not_a_task", pr, on }) };
}

/**
 * A pull request that is not a Foreman task got a head (opened, reopened, pushed to, marked ready)
 * or a new base branch: where its base branch requires the `Foreman` check, the check passes on that head, so that
 * requiring it gates only Foreman's own work. The write is about no workflow: the audit trail files
 * it under the repository. A head that is also a task's (the same commit on another branch) is left
 * to the task, whose approval alone may pass it.
 */
async function passingCheck(deps: WorkerDeps, github: RepoReads, intake: Extract<Intake, { kind: "pr_not_task" }>): Promise<GitHubWrite[]> {
  if (!(await requiresForemanCheck(github, intake.baseRef))) return [];
  if (isTaskHead(deps.store, intake.ref, intake.sha)) {
    deps.log.info({ pr: intake.pr, sha: intake.sha }, "a pull request's head is a task's head; its Foreman check stays the task's");
    return [];
  }
  return [notTaskCheck(intake.ref, intake.pr, intake.sha, "head")];
}

/**
 * The same pull request, when it changes `.github/foreman.yml`, also gets the `Foreman config`
 * check (`configCheck`). Both writes are about no workflow.
 */
export async function planNotTask(
  deps: WorkerDeps,
  github: RepoReads,
  intake: Extract<Intake, { kind: "pr_not_task" }>,
): Promise<IntakePlan> {
  const writes = [...(await passingCheck(deps, github, intake)), ...(await configCheck(github, intake))];
  return writes.length === 0 ? NOTHING : answerForRepository(intake.ref, writes);
}
