import type { SandboxStore } from "../state/store.ts";
import type { CheckRun, CommitStatus, Repository } from "../state/types.ts";
import { contextKey, latestPerContext } from "../statuses/combined-state.ts";

/** Where one required check stands on a commit: GitHub's words are "expected", "in progress" and "failing". */
type RequiredCheckState = "success" | "expected" | "pending" | "failure";

export interface RequiredCheck {
  context: string;
  state: RequiredCheckState;
}

const PASSING_RUNS = new Set(["success", "neutral", "skipped"]);

/** The newest run of each name on `sha` (a re-run replaces the earlier result). */
function latestRuns(runs: readonly CheckRun[]): Map<string, CheckRun> {
  const latest = new Map<string, CheckRun>();
  for (const run of runs) {
    const known = latest.get(run.name);
    if (!known || known.id < run.id) latest.set(run.name, run);
  }
  return latest;
}

function runState(run: CheckRun): RequiredCheckState {
  if (run.status !== "completed") return "pending";
  return PASSING_RUNS.has(run.conclusion ?? "") ? "success" : "failure";
}

function statusState(status: CommitStatus): RequiredCheckState {
  if (status.state === "pending") return "pending";
  return status.state === "success" ? "success" : "failure";
}

/** The worse of two states of one context: a failure wins, then a pending one. */
function worse(a: RequiredCheckState, b: RequiredCheckState): RequiredCheckState {
  const order: RequiredCheckState[] = ["failure", "pending", "expected", "success"];
  return order.indexOf(a) <= order.indexOf(b) ? a : b;
}

/**
 * Each required check on a commit. A context is met by a check run of that name and by a commit
 * status of that context; when both exist both must pass, as GitHub documents.
 */
export function requiredChecksOn(store: SandboxStore, repo: Repository, sha: string): RequiredCheck[] {
  const runs = latestRuns(store.checkRunsFor(repo.id, sha));
  const statuses = new Map(latestPerContext(store.statusesFor(repo.id, sha)).map((status) => [contextKey(status.context), status]));
  return repo.requiredChecks.map((context) => {
    const run = runs.get(context);
    const status = statuses.get(contextKey(context));
    const states = [run && runState(run), status && statusState(status)].filter((state) => state !== undefined);
    return { context, state: states.length === 0 ? "expected" : states.reduce(worse) };
  });
}

/** Whether a commit's non-required check runs or statuses are failing or still running (`unstable`). */
export function otherChecksUnsettled(store: SandboxStore, repo: Repository, sha: string): boolean {
  const required = new Set(repo.requiredChecks);
  const requiredKeys = new Set(repo.requiredChecks.map(contextKey));
  const runs = [...latestRuns(store.checkRunsFor(repo.id, sha)).values()].filter((run) => !required.has(run.name));
  const statuses = latestPerContext(store.statusesFor(repo.id, sha)).filter((status) => !requiredKeys.has(contextKey(status.context)));
  return runs.some((run) => runState(run) !== "success") || statuses.some((status) => statusState(status) !== "success");
}

type OpenState = Exclude<RequiredCheckState, "success">;
type OpenCheck = RequiredCheck & { state: OpenState };

const isOpen = (check: RequiredCheck): check is OpenCheck => check.state !== "success";

const WORDS: Record<OpenState, string> = { expected: "expected", pending: "in progress", failure: "failing" };

/**
 * GitHub's sentence for required checks that have not succeeded, or null when all did:
 * `Required status check "test" is expected.`, `2 of 3 required status checks are failing.`,
 * `3 of 4 required status checks have not succeeded: 1 expected and 1 failing.`
 */
export function requiredChecksMessage(checks: readonly RequiredCheck[]): string | null {
  const open = checks.filter(isOpen);
  const [first] = open;
  if (first === undefined) return null;
  if (open.length === 1) return `Required status check "${first.context}" is ${WORDS[first.state]}.`;
  const of = `${open.length} of ${checks.length} required status checks`;
  if (open.every((check) => check.state === first.state)) return `${of} are ${WORDS[first.state]}.`;
  const count = (state: OpenState): number => open.filter((check) => check.state === state).length;
  const parts = (["expected", "failure"] as const).filter((state) => count(state) > 0).map((state) => `${count(state)} ${WORDS[state]}`);
  return `${of} have not succeeded: ${parts.join(" and ")}.`;
}
