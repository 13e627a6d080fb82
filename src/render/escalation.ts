import { codeSpan } from "./code-span.ts";
import { inlineCode, labelled, singleLine } from "./markdown.ts";
import { codeBlock, joinMarkdown, markdown, type SafeMarkdown } from "./neutralize-markdown.ts";

export interface EscalationView {
  taskId: string;
  title: string;
  branch: string;
  reason: string;
  fixAttempts: number;
  classifications: readonly string[];
  reviewRounds: number;
  lastError: string | null;
  /** What a human can do next: `task` (the default) for a stopped task, `review` for a review that could not be completed. */
  next?: "task" | "review";
}

/** The debugger's verdict that a task cannot pass as specified, as the reasons below start. */
const specMismatch = (diagnosis: string): string => `The debugger found that the task cannot pass as specified: ${diagnosis.trim()}`;
const pathList = (paths: readonly string[]): string => paths.map(codeSpan).join(", ");

/**
 * Why Foreman stopped work on a task and asked a human. These sentences are kept in the workflow
 * (the task's failure) and neutralised wherever they are posted.
 */
export const escalationReason = {
  fixLimit: (attempts: number): string =>
    `CI still fails after ${attempts} fix attempt(s), the limit for one task (\`qa.maxFixAttempts\`).`,
  issueFixLimit: (limit: number): string => `This issue has used its ${limit} fix attempts (\`qa.maxFixAttemptsPerIssue\`).`,
  sameFailureAfterFix: (): string => "The same failure came back after a fix.",
  sameErrorAsBefore: (): string => "CI failed with the same error as before the last fix, so another attempt is unlikely to help.",
  debuggerFailed: (reason: string): string => `The debugger could not help: ${reason}`,
  failedAfterRerun: (classification: string, diagnosis: string): string =>
    `CI failed again after a re-run of a ${classification} failure: ${diagnosis}`,
  noFix: (classification: string, diagnosis: string): string => `The debugger found no fix (${classification}): ${diagnosis}`,
  findingRecurred: (): string => "The reviewer raised again a finding the coder had already been asked to fix.",
  reviewRounds: (rounds: number): string => `The reviewer still requests changes after ${rounds} round(s) (\`qa.review.maxRounds\`).`,
  revisionFailed: (reason: string): string => `The coder could not revise the change: ${reason}`,
  conflictWithHumanCommits: (): string =>
    "The base branch moved and the pull request conflicts, but someone else pushed to the task's branch, so Foreman will not rewrite it.",
  conflictNotResolved: (reason: string): string => `The pull request conflicts with the base branch and could not be updated: ${reason}`,
  /** G3: the coder's answer to a conflict would have undone a change made on the base branch. */
  recodeDropsBaseLines: (paths: readonly string[]): string =>
    `the coder's new version of ${pathList(paths)} leaves out lines added on the base branch, so Foreman did not commit it. Merge the base branch into the task's branch, resolve the conflict and push: Foreman takes your commit from there`,
  /** A `spec_mismatch` for which the planner gave no new file list. */
  amendFailed: (diagnosis: string, reason: string): string =>
    `${specMismatch(diagnosis)}\n\nThe planner could not give the task a new file list, so the task keeps its files: ${reason}`,
  /** The planner's new file list breaks the plan's limits or the path policy. */
  amendRefused: (diagnosis: string, problems: readonly string[]): string =>
    `${specMismatch(diagnosis)}\n\nThe planner's new file list for it cannot be used, so the task keeps its files: ${problems.join(" ")}`,
  /** The planner's new file list names files that running tasks write: two tasks never write one file at the same time. */
  amendConflicts: (diagnosis: string, taken: ReadonlyArray<{ path: string; taskId: string }>): string => {
    const byTask = [...new Set(taken.map((entry) => entry.taskId))].map(
      (taskId) => `${pathList(taken.filter((entry) => entry.taskId === taskId).map((entry) => entry.path))} (task ${codeSpan(taskId)})`,
    );
    return `${specMismatch(diagnosis)}\n\nThe planner's new file list for it names files that other running tasks write: ${byTask.join("; ")}. Two tasks never write the same file at the same time, so the task keeps its files.`;
  },
  /** The reviewer gave no usable verdict: the review was not completed, and that is never taken as "nothing blocking". */
  reviewIncomplete: (reason: string): string =>
    `The review could not be completed: the reviewer gave no usable verdict (${reason}). CI passed, but no review says the change is right.`,
  /** What a job reports when the task's branch moved under it. */
  branchMoved: (): string => "someone else pushed to the task's branch while Foreman was working on it, so Foreman did not push over it",
  /** Never shown: the workflow (or the task) moved on while the job worked, so its report is ignored. */
  stoppedMeanwhile: (): string => "the work stopped or moved on while Foreman was working on it",
};

/** The status comment's note when the planner changed a task's files after a `spec_mismatch`. */
export function filesAmendedNote(taskId: string, files: ReadonlyArray<{ path: string; action: string }>, reason: string): string {
  const listed = files.map((file) => `${file.action} ${codeSpan(file.path)}`).join(", ");
  return `Task ${codeSpan(taskId)} did not fit its specification, so the planner changed its files to: ${listed}. ${reason.trim()}`;
}

function tried(view: EscalationView): SafeMarkdown {
  const attempts = view.fixAttempts === 1 ? markdown`attempt` : markdown`attempts`;
  const parts = [markdown`${view.fixAttempts} fix ${attempts}`];
  if (view.classifications.length > 0) {
    parts.push(
      markdown`failures classified as ${joinMarkdown(
        view.classifications.map((name) => inlineCode(name)),
        ", ",
      )}`,
    );
  }
  if (view.reviewRounds > 0)
    parts.push(markdown`${view.reviewRounds} review ${view.reviewRounds === 1 ? markdown`round` : markdown`rounds`}`);
  return joinMarkdown(parts, "; ");
}

/** The ways on that the comment offers. */
function options(view: EscalationView): SafeMarkdown[] {
  const push = markdown`- push a fix to ${inlineCode(view.branch)} yourself: Foreman picks up from your commit and CI runs again;`;
  const cancel = markdown`- comment \`/cancel\` to stop this task.`;
  if (view.next === "review")
    return [
      markdown`- comment \`/retry\` on this pull request to have the change reviewed again;`,
      markdown`- comment \`/approve\` on this pull request to go on without the review (this commit passed CI);`,
      push,
      cancel,
    ];
  return [markdown`- comment \`/retry\` on this pull request for a fresh attempt (or one re-run of a flaky job);`, push, cancel];
}

/** The one comment Foreman posts when it stops and hands a task to a human. */
export function renderEscalation(view: EscalationView): SafeMarkdown {
  const error = view.lastError ? [markdown``, markdown`**Last error:**`, markdown``, codeBlock("text", view.lastError)] : [];
  return joinMarkdown(
    [
      markdown`### Foreman needs a human for task ${inlineCode(view.taskId)}: ${singleLine(view.title)}`,
      markdown``,
      labelled(markdown`**Why:**`, view.reason),
      markdown``,
      markdown`**What was tried:** ${tried(view)}.`,
      ...error,
      markdown``,
      markdown`**What you can do:**`,
      ...options(view),
    ],
    "\n",
  );
}
