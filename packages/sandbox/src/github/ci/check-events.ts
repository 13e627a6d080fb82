import type { SandboxCore } from "../core.ts";
import { workflowRunWebhook, workflowWebhook } from "../serializers/actions.ts";
import { checkRunWebhook, checkSuiteWebhook } from "../serializers/checks.ts";
import type { Account, CheckRun, CheckSuite, Repository, WorkflowRun } from "../state/types.ts";
import { checkRunParts, checkSuiteParts } from "./payload-parts.ts";
import type { WorkflowRegistry } from "./workflows.ts";

/**
 * Who gets a checks event, as GitHub documents it: `created` and `completed` go to every app
 * installed on the repository with the Checks permission, whoever owns the run or suite;
 * `requested`, `rerequested` and `requested_action` only to the app that owns it.
 */
function receivesChecksEvent(core: SandboxCore, repo: Repository, ownerAppId: number, action: string): boolean {
  const broadcast = action === "created" || action === "completed";
  return core.appsFor(repo).some((app) => {
    const permission = app.permissions.checks;
    if (broadcast) return permission === "read" || permission === "write";
    return app.id === ownerAppId && permission === "write";
  });
}

export function emitCheckRun(
  core: SandboxCore,
  repo: Repository,
  run: CheckRun,
  action: "created" | "completed" | "rerequested",
  sender: Account,
): void {
  if (!receivesChecksEvent(core, repo, run.appId, action)) return;
  const check_run = checkRunWebhook(core.urls, repo, run, checkRunParts(core, repo, run));
  core.emit(repo, "check_run", sender, { action, check_run });
}

export async function emitCheckSuite(
  core: SandboxCore,
  repo: Repository,
  suite: CheckSuite,
  action: "completed" | "requested" | "rerequested",
  sender: Account,
): Promise<void> {
  if (!receivesChecksEvent(core, repo, suite.appId, action)) return;
  const check_suite = checkSuiteWebhook(core.urls, repo, suite, await checkSuiteParts(core, repo, suite), action);
  core.emit(repo, "check_suite", sender, { action, check_suite });
}

/** `workflow_run` goes to apps with the Actions permission. */
export async function emitWorkflowRun(
  core: SandboxCore,
  registry: WorkflowRegistry,
  repo: Repository,
  run: WorkflowRun,
  action: "requested" | "in_progress" | "completed",
  sender: Account,
): Promise<void> {
  if (!core.appsFor(repo).some((app) => app.permissions.actions !== undefined)) return;
  const parts = await registry.parts(repo, run);
  core.emit(repo, "workflow_run", sender, {
    action,
    workflow: workflowWebhook(core.urls, repo, parts.workflow),
    workflow_run: workflowRunWebhook(core.urls, repo, run, parts),
  });
}
