import type { ConfigPath } from "./config-problem.ts";
import type { RepoConfig } from "./repo-config.ts";

/** A problem found in keys that are each valid but ask for things that cannot both hold. */
type ConflictProblem = { path: ConfigPath; message: string };

/**
 * Keys that contradict each other. `pullRequests.closesIssue` has GitHub close the issue when the
 * last task merges, which `merge.closeIssue: false` (leave the issue open) rules out.
 */
export function conflictingKeys(config: RepoConfig): ConflictProblem[] {
  if (config.pullRequests.closesIssue && !config.merge.closeIssue) {
    return [
      {
        path: ["pullRequests", "closesIssue"],
        message: "closes the issue when the last task merges, but merge.closeIssue is false (leave the issue open): set one of them",
      },
    ];
  }
  return [];
}
