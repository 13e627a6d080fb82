import type { RepoRef } from "../engine/types.ts";

export interface Sender {
  login: string;
  type: string;
}

/** A webhook, narrowed by a handler to what Foreman needs; the worker turns it into engine events. */
export type Intake =
  | { kind: "issue_labeled"; ref: RepoRef; issue: number; issueTitle: string; label: string; sender: Sender; deliveryId: string }
  | {
      kind: "issue_comment";
      ref: RepoRef;
      issue: number;
      /** The PR body when the comment is on a pull request, to find the task marker. */
      pullRequestBody: string | null;
      commentId: number;
      body: string;
      sender: Sender;
      deliveryId: string;
    }
  | { kind: "pr_synchronize"; ref: RepoRef; pr: number; headRef: string; sha: string; sender: Sender; deliveryId: string }
  | { kind: "pr_closed"; ref: RepoRef; pr: number; headRef: string; merged: boolean; sha: string; deliveryId: string }
  | { kind: "pr_dequeued"; ref: RepoRef; pr: number; headRef: string; reason: string; deliveryId: string }
  | { kind: "checks_completed"; ref: RepoRef; sha: string; headBranch: string | null; deliveryId: string }
  | { kind: "merge_group"; ref: RepoRef; headSha: string; headRef: string; deliveryId: string }
  | {
      kind: "pr_review";
      ref: RepoRef;
      pr: number;
      headRef: string;
      /** The review's body, or an inline comment with its place. */
      body: string;
      /** Set for an inline review comment, so the answer goes to its thread. */
      commentId: number | null;
      sender: Sender;
      deliveryId: string;
    }
  | { kind: "base_moved"; ref: RepoRef; branch: string; sha: string; deliveryId: string };

/** The job key that serialises work for one issue's workflow (or a repository, when none is known). */
export function intakeKey(intake: Intake, workflowIssue: number | null): string {
  const repo = `${intake.ref.owner}/${intake.ref.repo}`.toLowerCase();
  return workflowIssue === null ? repo : `${repo}#${workflowIssue}`;
}
