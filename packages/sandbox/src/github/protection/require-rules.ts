import type { SandboxCore } from "../core.ts";
import { ApiError } from "../errors.ts";
import type { MergeMethod } from "../git/types.ts";
import type { PullRequest, Repository } from "../state/types.ts";
import { evaluateRules, rulesFor, violations } from "./evaluate.ts";
import { HEAD_OUT_OF_DATE, MERGE_COMMITS_NOT_ALLOWED, violationsMessage } from "./refusals.ts";

/** Where GitHub's refusals for protection rules point. */
const PROTECTED_BRANCHES_DOCS = { documentation_url: "https://docs.github.com/articles/about-protected-branches" };

/** GitHub's refusal of a merge method the branch's rules forbid (a merge commit under linear history), or null. */
export function mergeMethodRefusal(repo: Repository, pull: PullRequest, method: MergeMethod): string | null {
  return method === "merge" && rulesFor(repo, pull)?.linearHistory ? MERGE_COMMITS_NOT_ALLOWED : null;
}

/** A forbidden merge method is refused (405) before anything else is looked at. */
export function requireMergeMethodAllowed(repo: Repository, pull: PullRequest, method: MergeMethod): void {
  const refusal = mergeMethodRefusal(repo, pull, method);
  if (refusal !== null) throw new ApiError(405, refusal, PROTECTED_BRANCHES_DOCS);
}

/**
 * Refuses a merge through the REST API that the default branch's rules forbid, as GitHub does: 409
 * when the head must be up to date and is not, 405 with GitHub's sentences for missing reviews and
 * required checks. A repository without protection merges as before.
 */
export async function requireMergeRules(core: SandboxCore, repo: Repository, pull: PullRequest, base: string): Promise<void> {
  const verdict = await evaluateRules(core, repo, pull, base);
  if (verdict === null) return;
  if (verdict.behind) throw new ApiError(409, HEAD_OUT_OF_DATE);
  const sentences = violations(verdict);
  if (sentences.length > 0) throw new ApiError(405, violationsMessage(verdict.rules.via, sentences), PROTECTED_BRANCHES_DOCS);
}
