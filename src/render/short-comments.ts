import { formatCount, formatDuration, formatUsage, login, shortSha, tableCell } from "./markdown.ts";
import type { Usage } from "./markdown.ts";
import { joinMarkdown, markdown, type SafeMarkdown } from "./neutralize-markdown.ts";

export type SummaryTask = { id: string; title: string; pr?: number; attempts: number };

export type SummaryInput = { tasks: readonly SummaryTask[]; durationMs: number; usage: Usage };

/** The final comment, once every task is merged. */
export function renderSummary(input: SummaryInput): SafeMarkdown {
  const attempts = input.tasks.reduce((sum, task) => sum + task.attempts, 0);
  const rows = input.tasks.map((task) => {
    const pr = task.pr === undefined ? markdown`—` : markdown`#${task.pr}`;
    return markdown`| **${tableCell(task.id)}** ${tableCell(task.title)} | ${pr} | ${task.attempts} |`;
  });
  const merged = input.tasks.length === 1 ? markdown`The task was` : markdown`All ${input.tasks.length} tasks were`;
  const inAll = markdown`${formatCount(attempts)} ${attempts === 1 ? markdown`attempt` : markdown`attempts`} in all`;
  return joinMarkdown(
    [
      markdown`### Foreman: done`,
      markdown``,
      markdown`${merged} merged in ${formatDuration(input.durationMs)}, with ${inAll}.`,
      markdown``,
      markdown`| Task | Pull request | Attempts |`,
      markdown`| --- | --- | --- |`,
      ...rows,
      markdown``,
      markdown`Usage: ${formatUsage(input.usage)}`,
      markdown``,
    ],
    "\n",
  );
}

/** An `/approve` from the person who started the work, where the repository wants someone else's. */
export function renderApprovalRefused(by: string): SafeMarkdown {
  return markdown`${login(by)} started this work, and this repository requires the approval of someone else (\`approval.separateApprover\`).`;
}

/** A push after an approval: the approval was for the commit before it. */
export function renderApprovalVoided(sha: string, by: string): SafeMarkdown {
  return markdown`A new commit (${shortSha(sha)}) was pushed by ${login(by)} after the approval, so the approval no longer applies. Comment \`/approve\` again once CI is green.`;
}

/** The answer to a writer's review once Foreman pushed a commit for it. */
export function renderRevisionAnswer(sha: string): SafeMarkdown {
  return markdown`Foreman pushed ${shortSha(sha)} to address this.`;
}
