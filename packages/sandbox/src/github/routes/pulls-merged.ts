import type { SandboxCore } from "../core.ts";
import { pullIssue } from "../serializers/pull.ts";
import type { Account, PullRequest, Repository } from "../state/types.ts";
import { closeLinkedIssues } from "./pulls-closing-keywords.ts";
import { emitPullRequest } from "./pulls-common.ts";
import { onBranchMoved } from "./repos-branch-moved.ts";

export interface PullMerge {
  /** The commit the base branch now points at. */
  mergeCommitSha: string;
  /** The base branch tip before the merge. */
  baseBefore: string;
  mergedBy: Account;
}

/**
 * Records a merge whose commit is already on the base branch: the pull request is merged and its
 * issue closed, `pull_request.closed` (with `merged: true`) is sent, the issues its description
 * closes are closed (`issues.closed`), then everything a moved base branch causes (push,
 * synchronize, merge queue). Used by `PUT /pulls/{n}/merge`; the merge queue
 * can call it when it lands a pull request.
 */
export async function completePullMerge(core: SandboxCore, repo: Repository, pull: PullRequest, merge: PullMerge): Promise<void> {
  const now = core.store.timestamp();
  pull.merged = true;
  pull.mergedAt = now;
  pull.mergedBy = merge.mergedBy;
  pull.mergeCommitSha = merge.mergeCommitSha;
  pull.baseSha = merge.baseBefore;
  core.store.savePull(pull);
  const issue = pullIssue(core, pull);
  issue.state = "closed";
  issue.closedAt = now;
  issue.closedBy = merge.mergedBy;
  issue.updatedAt = now;
  core.store.saveIssue(issue);
  await emitPullRequest(core, repo, pull, merge.mergedBy, "closed");
  await closeLinkedIssues(core, repo, pull, merge.mergedBy);
  await onBranchMoved(core, repo, {
    branch: pull.baseRef,
    before: merge.baseBefore,
    after: merge.mergeCommitSha,
    sender: merge.mergedBy,
    forced: false,
  });
}
