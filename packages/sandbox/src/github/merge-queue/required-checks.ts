import { requiredChecksOn } from "../protection/required-checks.ts";
import type { SandboxStore } from "../state/store.ts";
import type { Repository } from "../state/types.ts";

export type ChecksVerdict = "pending" | "success" | "failure";

/**
 * Whether the repository's required checks passed on a commit (check runs and commit statuses):
 * any required check that failed fails it at once; it passes when every one succeeded.
 */
export function requiredChecksVerdict(store: SandboxStore, repo: Repository, sha: string): ChecksVerdict {
  const states = requiredChecksOn(store, repo, sha).map((check) => check.state);
  if (states.includes("failure")) return "failure";
  return states.every((state) => state === "success") ? "success" : "pending";
}
