import { labelled, listItem, login, shortSha } from "./markdown.ts";
import { joinMarkdown, markdown, neutralizeMarkdown, type SafeMarkdown } from "./neutralize-markdown.ts";

/** The titles of the `Foreman` check run (plain text: GitHub shows check titles as they are). */
export type CheckTitle =
  | "Waiting for CI"
  | "CI failed"
  | "Superseded"
  | "Reviewing"
  | "Re-running failed jobs"
  | "Needs a human"
  | "Approved"
  | "Not approved"
  | "Needs a maintainer's approval"
  | "Ready for approval"
  | "Updating to the base branch"
  | "Not a Foreman task"
  | "Configuration reads"
  | "Configuration has problems";

export interface CheckRunOutput {
  title: CheckTitle;
  summary: SafeMarkdown;
}

/** What the `Foreman` check run on a commit says, by what just happened to the task. */
export type CheckRunView =
  | { kind: "waiting_for_ci" }
  | { kind: "pushed" }
  | { kind: "ci_failed"; summary: string }
  | { kind: "superseded"; by: "foreman" | "someone"; sha: string }
  | { kind: "reviewing" }
  | { kind: "fix_pushed"; diagnosis: string }
  | { kind: "revision_pushed" }
  | { kind: "rebased"; how: "reapplied" | "recoded" }
  | { kind: "rerunning" }
  | { kind: "needs_human"; reason: string }
  /** `withPlan`: the plan's approval by `by` approved the commit (`approval.tasks`: `plan` or `risk`). */
  | { kind: "approved"; by: string | null; sha: string; withPlan?: boolean }
  | { kind: "needs_maintainer"; riskReasons: readonly string[] }
  /**
   * `ownApproval`: why the plan's approval does not cover this commit, where the repository lets it approve tasks.
   * `review`: what Foreman's reviewer said of it when it found nothing blocking (the reviewer's words, neutralised here).
   */
  | { kind: "ready_for_approval"; ownApproval?: OwnApprovalReason; review?: string }
  | { kind: "merge_group"; pr: number; approval: { by: string | null; sha: string } | null }
  /** A pull request that is not a Foreman task, on its head or on its merge group, where the base branch requires the check. */
  | { kind: "not_a_task"; pr: number; on: "head" | "merge_group" };

/** Why a task needs its own `/approve` although the plan's approval approves tasks: someone else pushed to it, or its risk. */
export type OwnApprovalReason = { kind: "human_commits" } | { kind: "risk"; risk: "low" | "medium" | "high" };

/** A check of the repository's own (another app's or CI's) that did not pass, as GitHub reported it. */
export interface FailingCheck {
  name: string;
  conclusion: string | null;
  title: string | null;
}

/** How the summary of failing checks starts, by which a task's failure is known to be its CI's. */
export const FAILING_CHECKS = "Failing checks:";

/**
 * What the repository's own checks said about a commit, kept in the `ci_completed` event: the
 * count that passed, or the failing ones. Check names and titles come from other apps, so the text
 * is neutralised where it is posted (the `CI failed` check run).
 */
export const ciSummaryText = {
  passed: (count: number): string => `${count} check(s) passed.`,
  failing: (checks: readonly FailingCheck[]): string =>
    `${FAILING_CHECKS}\n${checks.map((check) => `- **${check.name}**: ${check.conclusion ?? "unknown"}${check.title ? ` — ${check.title}` : ""}`).join("\n")}`,
};

type ApprovalView = Extract<CheckRunView, { kind: "needs_human" | "approved" | "needs_maintainer" | "ready_for_approval" | "merge_group" }>;

const DIAGNOSIS_CHARS = 300;

function approver(by: string | null): SafeMarkdown {
  return by === null ? markdown`a maintainer` : login(by);
}

/** The title and markdown summary of the `Foreman` check run. */
export function renderCheckRunOutput(view: CheckRunView): CheckRunOutput {
  switch (view.kind) {
    case "waiting_for_ci":
      return { title: "Waiting for CI", summary: markdown`The repository's checks are running on this commit.` };
    case "pushed":
      return { title: "Waiting for CI", summary: markdown`A new commit was pushed; CI runs again and a new \`/approve\` is needed.` };
    case "ci_failed":
      return { title: "CI failed", summary: neutralizeMarkdown(view.summary) };
    case "superseded":
      return {
        title: "Superseded",
        summary:
          view.by === "foreman"
            ? markdown`Foreman pushed ${shortSha(view.sha)}.`
            : markdown`A newer commit (${shortSha(view.sha)}) is the head of this pull request.`,
      };
    case "reviewing":
      return { title: "Reviewing", summary: markdown`CI is green; Foreman's reviewer is reading the change.` };
    case "fix_pushed":
      return {
        title: "Waiting for CI",
        summary: labelled(markdown`Foreman pushed a fix:`, view.diagnosis.slice(0, DIAGNOSIS_CHARS)),
      };
    case "revision_pushed":
      return { title: "Waiting for CI", summary: markdown`Foreman pushed a revision; CI runs again.` };
    case "rebased": {
      const how = view.how === "reapplied" ? markdown`re-applied the task's edits` : markdown`re-ran the coder`;
      return { title: "Waiting for CI", summary: markdown`The base branch moved; Foreman ${how} on the new base.` };
    }
    case "rerunning":
      return { title: "Re-running failed jobs", summary: markdown`The failure looked flaky, so the failed jobs run once more.` };
    case "not_a_task": {
      const what = view.on === "head" ? markdown`This pull request is` : markdown`Pull request #${view.pr} is`;
      return {
        title: "Not a Foreman task",
        summary: markdown`${what} not a Foreman task; Foreman's check gates only Foreman's own pull requests.`,
      };
    }
    default:
      return approvalOutput(view);
  }
}

function approvalOutput(view: ApprovalView): CheckRunOutput {
  switch (view.kind) {
    case "needs_human":
      return { title: "Needs a human", summary: neutralizeMarkdown(view.reason) };
    case "approved": {
      const how = view.withPlan === true ? markdown`Approved with the plan by` : markdown`Approved by`;
      return { title: "Approved", summary: markdown`${how} ${approver(view.by)} for ${shortSha(view.sha)}.` };
    }
    case "needs_maintainer": {
      const why = markdown`This task is high risk, so \`/approve\` must come from a maintainer, an admin, or a user listed in \`approval.highRiskApprovers\`.`;
      return {
        title: "Needs a maintainer's approval",
        summary: markdown`${why}\n${joinMarkdown(
          view.riskReasons.map((reason) => listItem("-", reason)),
          "\n",
        )}`,
      };
    }
    case "ready_for_approval": {
      const summary = markdown`CI is green. A maintainer can comment \`/approve\` on this pull request.`;
      const approval = view.ownApproval === undefined ? summary : markdown`${summary} ${ownApprovalWords(view.ownApproval)}`;
      return { title: "Ready for approval", summary: view.review === undefined ? approval : withReview(approval, view.review) };
    }
    case "merge_group":
      if (view.approval === null) {
        return {
          title: "Not approved",
          summary: markdown`Pull request #${view.pr} has no approval for its head commit; a writer must comment \`/approve\` on it.`,
        };
      }
      return {
        title: "Approved",
        summary: markdown`Pull request #${view.pr} was approved by ${approver(view.approval.by)} for ${shortSha(view.approval.sha)}.`,
      };
  }
}

/** The reviewer's verdict under the check run's summary: where "nothing blocking" is said, without a review of its own. */
function withReview(summary: SafeMarkdown, review: string): SafeMarkdown {
  const words = neutralizeMarkdown(review.trim());
  const heading = markdown`**Foreman's reviewer found nothing blocking.**`;
  return markdown`${summary}\n\n${words === "" ? heading : markdown`${heading} ${words}`}`;
}

/** Why the plan's approval does not approve this commit, as the check run says it. */
function ownApprovalWords(reason: OwnApprovalReason): SafeMarkdown {
  if (reason.kind === "human_commits") {
    return markdown`The plan's approval covers only commits Foreman made, and someone else pushed to this branch: this task needs its own approval.`;
  }
  const risk = reason.risk === "high" ? markdown`high` : reason.risk === "medium" ? markdown`medium` : markdown`low`;
  return markdown`This task is ${risk} risk, which the plan's approval does not cover here (\`approval.tasks\`): it needs its own approval.`;
}
