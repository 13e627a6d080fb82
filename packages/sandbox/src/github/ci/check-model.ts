import { encodeNodeId, type SandboxStore } from "../state/store.ts";
import type { Annotation, CheckConclusion, CheckRun, CheckStatus, CheckSuite, Repository } from "../state/types.ts";

export interface CheckRunFields {
  name: string;
  externalId: string | null;
  detailsUrl: string | null;
  status: CheckStatus;
  conclusion: CheckConclusion | null;
  startedAt: string;
  completedAt: string | null;
  output: { title: string | null; summary: string | null; text: string | null; annotations: Annotation[] };
}

/** Worst first: the suite's conclusion is the worst conclusion among its latest runs. */
const SEVERITY: readonly CheckConclusion[] = [
  "action_required",
  "failure",
  "timed_out",
  "cancelled",
  "stale",
  "neutral",
  "success",
  "skipped",
];

export function worstConclusion(conclusions: readonly CheckConclusion[]): CheckConclusion {
  const worst = SEVERITY.find((conclusion) => conclusions.includes(conclusion)) ?? "success";
  // A suite whose runs were all skipped reads as neutral: check suites have no "skipped".
  return worst === "skipped" ? "neutral" : worst;
}

export function createSuite(store: SandboxStore, repo: Repository, appId: number, headSha: string, headBranch: string | null): CheckSuite {
  const id = store.nextId();
  const now = store.timestamp();
  const suite: CheckSuite = {
    repoId: repo.id,
    id,
    nodeId: encodeNodeId("CS", id),
    appId,
    headSha,
    headBranch,
    status: "queued",
    conclusion: null,
    createdAt: now,
    updatedAt: now,
  };
  store.checkSuites.set(id, suite);
  return suite;
}

export function addCheckRun(store: SandboxStore, suite: CheckSuite, fields: CheckRunFields): CheckRun {
  const id = store.nextId();
  const run: CheckRun = {
    repoId: suite.repoId,
    id,
    nodeId: encodeNodeId("CR", id),
    suiteId: suite.id,
    appId: suite.appId,
    headSha: suite.headSha,
    ...fields,
  };
  store.checkRuns.set(id, run);
  return run;
}

/** The most recent run of each name and app: what GitHub's `filter=latest` returns. */
export function latestRuns(runs: readonly CheckRun[]): CheckRun[] {
  const latest = new Map<string, CheckRun>();
  for (const run of runs) {
    const key = `${run.appId}\u0000${run.name}`;
    const seen = latest.get(key);
    if (!seen || run.id > seen.id) latest.set(key, run);
  }
  return [...latest.values()];
}

export function runsOfSuite(store: SandboxStore, suite: CheckSuite): CheckRun[] {
  return [...store.checkRuns.values()].filter((run) => run.suiteId === suite.id);
}

/**
 * Recomputes a suite's status and conclusion from its latest runs and reports whether it has
 * just completed (so `check_suite.completed` is due).
 */
export function recomputeSuite(store: SandboxStore, suite: CheckSuite): boolean {
  const runs = latestRuns(runsOfSuite(store, suite));
  const wasCompleted = suite.status === "completed";
  if (runs.length > 0 && runs.every((run) => run.status === "completed")) {
    suite.status = "completed";
    suite.conclusion = worstConclusion(runs.map((run) => run.conclusion ?? "neutral"));
  } else {
    const started = runs.some((run) => run.status === "in_progress" || run.status === "completed");
    suite.status = started ? "in_progress" : "queued";
    suite.conclusion = null;
  }
  suite.updatedAt = store.timestamp();
  return !wasCompleted && suite.status === "completed";
}

/** Puts a suite back to queued, as GitHub does when it is re-requested or re-run. */
export function resetSuite(store: SandboxStore, suite: CheckSuite): void {
  suite.status = "queued";
  suite.conclusion = null;
  suite.updatedAt = store.timestamp();
}

/** The branch whose tip is `sha`, preferring the default branch; `null` when none is. */
export async function branchAt(repo: Repository, sha: string): Promise<string | null> {
  const refs = await repo.git.listRefs("refs/heads/");
  const names = refs.filter((ref) => ref.sha === sha).map((ref) => ref.ref.slice("refs/heads/".length));
  return names.includes(repo.defaultBranch) ? repo.defaultBranch : (names[0] ?? null);
}
