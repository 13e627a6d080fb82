import type { SandboxStore } from "../state/store.ts";
import type { CheckRun, Repository } from "../state/types.ts";

export type ChecksVerdict = "pending" | "success" | "failure";

const PASSING = new Set(["success", "neutral", "skipped"]);

/** The newest run of each name on `sha` (a re-run replaces the earlier result). */
function latestRuns(runs: CheckRun[]): Map<string, CheckRun> {
  const latest = new Map<string, CheckRun>();
  for (const run of runs) {
    const known = latest.get(run.name);
    if (!known || known.id < run.id) latest.set(run.name, run);
  }
  return latest;
}

/**
 * Whether the repository's required checks passed on a commit: any completed required check that
 * did not pass fails it at once; it passes when every required check completed and passed.
 */
export function requiredChecksVerdict(store: SandboxStore, repo: Repository, sha: string): ChecksVerdict {
  const latest = latestRuns(store.checkRunsFor(repo.id, sha));
  let pending = false;
  for (const name of repo.requiredChecks) {
    const run = latest.get(name);
    if (run?.status !== "completed") {
      pending = true;
      continue;
    }
    if (!PASSING.has(run.conclusion ?? "")) return "failure";
  }
  return pending ? "pending" : "success";
}
