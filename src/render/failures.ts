import { codeSpan } from "./code-span.ts";
import { markdown, neutralizeMarkdown, type SafeMarkdown } from "./neutralize-markdown.ts";

/** Which budget of an issue was spent, and by how much. */
export type BudgetExceeded = { kind: "tokens"; used: number; limit: number } | { kind: "cost"; usedUsd: number; limitUsd: number };

/**
 * Why one of an agent's answers could not be used: not JSON, not the asked shape, cut off at the
 * model's output limit, or refused by Foreman's checks (for the coder: its edits).
 */
/** What was wrong with one answer; `no_answer`: the agent kept calling tools after its turns or budget were spent. */
export type AnswerProblems = { kind: "not_json" | "wrong_shape" | "cut_off" | "refused" | "no_answer"; problems: readonly string[] };

function problemList(problems: readonly string[], indent = ""): string {
  return problems.map((problem) => `${indent}- ${problem.replace(/\n/g, " ")}`).join("\n");
}

const ORDINALS = ["first", "second", "third"];

const CODER_ANSWER_WORDS: Readonly<Record<AnswerProblems["kind"], string>> = {
  not_json: "was not valid JSON",
  wrong_shape: "was JSON, but not in the shape Foreman asks for",
  cut_off: "was cut off at the model's output limit before it was complete",
  refused: "proposed edits that Foreman refused",
  no_answer: "never came: the coder kept calling tools after it was told to answer",
};

/** What was wrong with each of the coder's answers, oldest first, as a list. */
function coderRounds(rounds: readonly AnswerProblems[]): string {
  return rounds
    .map(
      (round, index) =>
        `- The ${ORDINALS[index] ?? `answer number ${index + 1}`} answer ${CODER_ANSWER_WORDS[round.kind]}:\n${problemList(round.problems, "  ")}`,
    )
    .join("\n");
}

function answerCount(count: number): string {
  if (count === 1) return "the coder's answer could not be used";
  return `none of the coder's ${count === 2 ? "two" : count} answers could be used`;
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
    const ceiling = exceeded.kind === "tokens" ? "FOREMAN_MAX_TOKENS_PER_ISSUE" : "FOREMAN_MAX_COST_PER_ISSUE_USD";
    return `Foreman stopped: ${spent}. A maintainer can raise the limit in \`.github/foreman.yml\` (up to the installation's ceiling, \`${ceiling}\`, where one is set) and add the label again.`;
  },
  plannerInvalid: (problems: readonly string[]): string => `The planner's answer was invalid twice:\n${problemList(problems)}`,
  agentFailed: (role: string, reason: string): string => `The ${role} could not finish: ${reason}`,
  branchTaken: (branch: string): string =>
    `Someone else pushed to ${codeSpan(branch)} while Foreman worked on it; Foreman never writes over a commit it did not make.`,
  /** The coder gave no answer Foreman could commit: each answer and what was wrong with it, then what a writer can do. */
  editsRefused: (taskId: string, rounds: readonly AnswerProblems[]): string =>
    [
      `Task ${codeSpan(taskId)} could not be coded: ${answerCount(rounds.length)}, so nothing was committed.`,
      "",
      coderRounds(rounds),
      "",
      "A writer can comment `/retry` on this issue for a fresh attempt (more detail in the issue may help), or make the change by hand: Foreman never writes a protected path or commits a secret, so a change that needs one is for a human.",
    ].join("\n"),
  stoppedWhileCoding: (taskId: string): string => `Task ${codeSpan(taskId)} was stopped while it was being coded; nothing was committed.`,
};

/** A failure sentence as Foreman posts it. */
export function renderFailure(failure: string): SafeMarkdown {
  return neutralizeMarkdown(failure);
}

/** Why the whole workflow stopped, and how a maintainer starts it again (G8: every stop names a next step). */
export function renderWorkflowFailure(failure: string): SafeMarkdown {
  return markdown`${neutralizeMarkdown(failure)}

To start again once the cause is dealt with, remove Foreman's label from this issue and add it again.`;
}
