import type { SandboxCore } from "../core.ts";
import { GitError } from "../git/errors.ts";
import type { Comparison } from "../git/types.ts";
import { pullIssue, rememberPullStats, serializePullRequest, type MergeableState, type PullStats } from "../serializers/pull.ts";
import type { CheckRun, PullRequest, Repository } from "../state/types.ts";

const GREEN_CONCLUSIONS = new Set(["success", "neutral", "skipped"]);

export function isPullOpen(core: SandboxCore, pull: PullRequest): boolean {
  return !pull.merged && pullIssue(core, pull).state === "open";
}

/**
 * The commit the pull request is compared against: the base branch tip while the pull request
 * is open (recorded in `pull.baseSha`), the recorded base once it is closed or merged.
 */
export async function currentBaseSha(core: SandboxCore, repo: Repository, pull: PullRequest): Promise<string> {
  if (!isPullOpen(core, pull)) return pull.baseSha;
  const tip = await repo.git.getRef(`heads/${pull.baseRef}`);
  if (tip !== null) pull.baseSha = tip;
  return pull.baseSha;
}

/** `base...head` of the pull request, or `null` when the histories are unrelated. */
export async function comparePull(core: SandboxCore, repo: Repository, pull: PullRequest): Promise<Comparison | null> {
  const base = await currentBaseSha(core, repo, pull);
  try {
    return await repo.git.compare(base, pull.headSha);
  } catch (error) {
    if (error instanceof GitError) return null;
    throw error;
  }
}

function checksState(runs: CheckRun[]): "green" | "unstable" {
  const settled = runs.every((run) => run.status === "completed" && GREEN_CONCLUSIONS.has(run.conclusion ?? ""));
  return settled ? "green" : "unstable";
}

async function mergeableStateOf(
  core: SandboxCore,
  repo: Repository,
  pull: PullRequest,
): Promise<Pick<PullStats, "mergeable" | "rebaseable" | "mergeableState">> {
  if (!isPullOpen(core, pull)) return { mergeable: null, rebaseable: null, mergeableState: "unknown" };
  const merged = await repo.git.tryMergeTree(pull.baseSha, pull.headSha).catch((error: unknown) => {
    if (error instanceof GitError) return { conflict: true as const, files: [] };
    throw error;
  });
  if (merged.conflict) return { mergeable: false, rebaseable: false, mergeableState: pull.draft ? "draft" : "dirty" };
  let state: MergeableState = "clean";
  if (pull.draft) state = "draft";
  else if (!(await repo.git.isAncestor(pull.baseSha, pull.headSha))) state = "behind";
  else if (checksState(core.store.checkRunsFor(repo.id, pull.headSha)) === "unstable") state = "unstable";
  return { mergeable: true, rebaseable: true, mergeableState: state };
}

/**
 * Computes what the full pull request representation needs from git (commit and line counts,
 * mergeability) and remembers it for synchronous serialization.
 */
export async function computePullStats(core: SandboxCore, repo: Repository, pull: PullRequest): Promise<PullStats> {
  const comparison = await comparePull(core, repo, pull);
  const files = comparison?.files ?? [];
  const stats: PullStats = {
    commits: comparison?.aheadBy ?? 0,
    additions: files.reduce((sum, file) => sum + file.additions, 0),
    deletions: files.reduce((sum, file) => sum + file.deletions, 0),
    changedFiles: files.length,
    ...(await mergeableStateOf(core, repo, pull)),
  };
  rememberPullStats(core.store, pull, stats);
  return stats;
}

/** The full pull request with freshly computed stats: what a `pull_request` webhook carries. */
export async function pullRequestPayload(core: SandboxCore, repo: Repository, pull: PullRequest): Promise<Record<string, unknown>> {
  return serializePullRequest(core, repo, pull, await computePullStats(core, repo, pull));
}
