import { neutralizeMarkdown, type SafeMarkdown } from "./neutralize-markdown.ts";

/** Which budget of an issue was spent, and by how much. */
export type BudgetExceeded = { kind: "tokens"; used: number; limit: number } | { kind: "cost"; usedUsd: number; limitUsd: number };

function problemList(problems: readonly string[]): string {
  return problems.map((problem) => `- ${problem}`).join("\n");
}

/**
 * Why a workflow or a task stopped. These sentences are kept in the workflow (its or a task's
 * `failure`, a `task_failed` event) and may quote the model, so they are neutralised wherever
 * they are posted: in a comment through `renderFailure`, in the status comment's notes.
 */
export const failureText = {
  budget(exceeded: BudgetExceeded): string {
    const spent =
      exceeded.kind === "tokens"
        ? `this issue has used ${exceeded.used} tokens, over its budget of ${exceeded.limit} (\`limits.tokensPerIssue\`)`
        : `this issue has cost $${exceeded.usedUsd.toFixed(2)}, over its budget of $${exceeded.limitUsd.toFixed(2)} (\`limits.costPerIssueUsd\`)`;
    return `Foreman stopped: ${spent}. A maintainer can raise the limit in \`.github/foreman.yml\` and add the label again.`;
  },
  plannerInvalid: (problems: readonly string[]): string => `The planner's answer was invalid twice:\n${problemList(problems)}`,
  agentFailed: (role: string, reason: string): string => `The ${role} could not finish: ${reason}`,
  dequeued: (reason: string): string => `Removed from the merge queue: ${reason}`,
  branchTaken: (branch: string): string =>
    `Someone else pushed to \`${branch}\` while Foreman worked on it; Foreman never writes over a commit it did not make.`,
  editsRefused: (taskId: string, problems: readonly string[]): string =>
    `Task \`${taskId}\` could not be coded: the coder's edits were refused twice.\n${problemList(problems)}`,
  stoppedWhileCoding: (taskId: string): string => `Task \`${taskId}\` was stopped while it was being coded; nothing was committed.`,
};

/** A failure sentence as Foreman posts it. */
export function renderFailure(failure: string): SafeMarkdown {
  return neutralizeMarkdown(failure);
}
