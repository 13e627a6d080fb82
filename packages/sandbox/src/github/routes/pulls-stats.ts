import type { SandboxCore } from "../core.ts";
import { GitError } from "../git/errors.ts";
import type { Comparison } from "../git/types.ts";
import { evaluateRules, type RulesVerdict } from "../protection/evaluate.ts";
import { otherChecksUnsettled } from "../protection/required-checks.ts";
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

/** The state without protection rules, as the sandbox has always computed it: behind, then any check not green. */
async function unprotectedState(core: SandboxCore, repo: Repository, pull: PullRequest): Promise<MergeableState> {
  if (!(await repo.git.isAncestor(pull.baseSha, pull.headSha))) return "behind";
  return checksState(core.store.checkRunsFor(repo.id, pull.headSha)) === "unstable" ? "unstable" : "clean";
}

/** The state under the default branch's rules: behind (when it must be up to date), blocked, unstable, clean. */
function protectedState(core: SandboxCore, repo: Repository, pull: PullRequest, verdict: RulesVerdict): MergeableState {
  if (verdict.behind) return "behind";
  if (!verdict.reviews.satisfied || verdict.checksMessage !== null) return "blocked";
  return otherChecksUnsettled(core.store, repo, pull.headSha) ? "unstable" : "clean";
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
  if (pull.draft) return { mergeable: true, rebaseable: true, mergeableState: "draft" };
  const verdict = await evaluateRules(core, repo, pull, pull.baseSha);
  const state = verdict ? protectedState(core, repo, pull, verdict) : await unprotectedState(core, repo, pull);
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
