import { formatCount, formatDuration, formatUsage, formatUsd, inlineCode, listItem, singleLine, tableCell } from "./markdown.ts";
import type { Usage } from "./markdown.ts";

/** The Engineer's questions, asked before any plan is made. */
export function renderQuestions(questions: readonly string[]): string {
  const list = questions.map((question, index) => listItem(`${index + 1}.`, question)).join("\n");
  return `### Foreman has questions\n\nBefore planning, Foreman needs to know:\n\n${list}\n\nReply in a comment on this issue and Foreman will continue.\n`;
}

export type SummaryTask = { id: string; title: string; pr?: number; attempts: number };

export type SummaryInput = { tasks: readonly SummaryTask[]; durationMs: number; usage: Usage };

/** The final comment, once every task is merged. */
export function renderSummary(input: SummaryInput): string {
  const attempts = input.tasks.reduce((sum, task) => sum + task.attempts, 0);
  const rows = input.tasks.map((task) => {
    const pr = task.pr === undefined ? "—" : `#${task.pr}`;
    return `| **${tableCell(task.id)}** ${tableCell(task.title)} | ${pr} | ${task.attempts} |`;
  });
  return [
    "### Foreman: done",
    "",
    `${input.tasks.length === 1 ? "The task was" : `All ${input.tasks.length} tasks were`} merged in ${formatDuration(input.durationMs)}, ` +
      `with ${formatCount(attempts)} ${attempts === 1 ? "attempt" : "attempts"} in all.`,
    "",
    "| Task | Pull request | Attempts |",
    "| --- | --- | --- |",
    ...rows,
    "",
    `Usage: ${formatUsage(input.usage)}`,
    "",
  ].join("\n");
}

export type RefusalReason =
  | { kind: "not_a_writer"; actor: string; action: string }
  | { kind: "bot_not_allowed"; actor: string }
  | { kind: "pull_request" }
  | { kind: "issue_too_long"; chars: number; limit: number }
  | { kind: "token_budget_exceeded"; tokens: number; limit: number }
  | { kind: "cost_budget_exceeded"; costUsd: number; limitUsd: number }
  | { kind: "other"; message: string };

/** A short comment saying why Foreman will not go on, and what to do about it. */
export function renderRefusal(reason: RefusalReason): string {
  return `**Foreman will not go on:** ${refusalSentence(reason)}\n`;
}

function refusalSentence(reason: RefusalReason): string {
  switch (reason.kind) {
    case "not_a_writer":
      return `${inlineCode(reason.action)} needs write access to this repository, which ${inlineCode(reason.actor)} does not have.`;
    case "bot_not_allowed":
      return `${inlineCode(reason.actor)} is a bot that is not listed in \`allowBots\` in \`.github/foreman.yml\`.`;
    case "pull_request":
      return "Foreman works on issues, not pull requests.";
    case "issue_too_long":
      return (
        `the issue has ${formatCount(reason.chars)} characters, more than the ${formatCount(reason.limit)} allowed ` +
        "(`limits.issueBodyChars`). Shorten it and add the label again."
      );
    case "token_budget_exceeded":
      return `this issue has used ${formatCount(reason.tokens)} tokens, over its budget of ${formatCount(reason.limit)} (\`limits.tokensPerIssue\`).`;
    case "cost_budget_exceeded":
      return `this issue has cost ${formatUsd(reason.costUsd)}, over its budget of ${formatUsd(reason.limitUsd)} (\`limits.costPerIssueUsd\`).`;
    case "other":
      return singleLine(reason.message) || "no reason given.";
  }
}
