import { declaresChecks } from "../config/checks-config.ts";
import { LocalChecks, type LocalCheckResult } from "../agents/tools/local-checks.ts";
import type { WorkflowState } from "../engine/types.ts";
import type { ChecksAvailability } from "../ports/checks.ts";
import type { WorkerDeps } from "./deps.ts";

/** The roles that edit, and so run the repository's checks. */
export type CheckingRole = "coder" | "debugger";

/**
 * Why the repository's declared checks do not run locally for this workflow, or null when they do
 * (or when it declares none). Said on the status comment.
 */
export function checksOffReason(deps: Pick<WorkerDeps, "checks" | "workspace">, state: WorkflowState): string | null {
  if (!declaresChecks(state.config.checks)) return null;
  const availability: ChecksAvailability = deps.checks?.availability() ?? {
    available: false,
    reason: "Foreman's host has no workspace to run them in",
  };
  if (!availability.available) return availability.reason;
  if (!state.config.agents.tools) return "agents work without tools (`agents.tools: false`)";
  return null;
}

/**
 * The repository's checks on a fresh working copy at `sha` for one job of `role`; undefined when
 * they are off, declared not, budgeted at 0 runs, or the working copy cannot be made (the agent
 * then works without them, and CI alone tests its work). The caller closes it.
 */
export async function openChecks(
  deps: WorkerDeps,
  state: WorkflowState,
  role: CheckingRole,
  sha: string,
): Promise<{ checks: LocalChecks; close: () => Promise<void> } | undefined> {
  const { checks: port, installationToken } = deps;
  const { config, ref } = state;
  const maxRuns = config.agents[role].maxCheckRuns;
  const off = !declaresChecks(config.checks) || checksOffReason(deps, state) !== null;
  if (off || port === undefined || installationToken === undefined || maxRuns === 0) return undefined;
  const setup = config.checks.setup ? { line: config.checks.setup.run, timeoutMs: config.checks.setup.timeoutSeconds * 1000 } : null;
  try {
    const repo = { owner: ref.owner, repo: ref.repo, installationId: ref.installationId };
    const copy = await port.open(repo, () => installationToken(ref.installationId), sha, setup);
    const log = deps.log.child({ workflowId: state.id, role, sha });
    if (copy.setup !== null) {
      const { end, exitCode, durationMs, cached } = copy.setup;
      log.info({ end, exitCode, durationMs, cached }, "local checks setup ran");
    }
    const onRun = (result: LocalCheckResult): void => log.info({ ...result, check: result.name }, "local check ran");
    return { checks: new LocalChecks(copy, config.checks, maxRuns, onRun), close: () => copy.close() };
  } catch (error) {
    deps.log.warn({ err: error, workflowId: state.id, role, sha }, "working copy unavailable; the agent works without local checks");
    return undefined;
  }
}
