import type { Task } from "../plan/plan.ts";
import { assertIssueNumber } from "./branch-name.ts";
import { inlineCode, listItem } from "./markdown.ts";
import { neutralizeMarkdown } from "./neutralize-markdown.ts";
import { taskMarker } from "./task-marker.ts";

export type PullRequestBodyInput = {
  issue: number;
  task: Pick<Task, "id" | "description" | "acceptanceCriteria" | "files" | "risk">;
  attempt: number;
  /** `https://github.com/<owner>/<repo>`: when given, existing files link to the default branch. */
  repoUrl?: string;
};

/**
 * The body of a task's pull request. It says `Part of #<issue>`, never a closing keyword:
 * Foreman closes the issue itself once every task is merged.
 */
export function renderPullRequestBody(input: PullRequestBodyInput): string {
  assertIssueNumber(input.issue);
  const { task } = input;
  const sections = [
    task.description.trim().length > 0 ? neutralizeMarkdown(task.description.trim()) : undefined,
    `**Acceptance criteria**\n\n${task.acceptanceCriteria.map((criterion) => listItem("- [ ]", criterion)).join("\n")}`,
    task.files.length > 0 ? `**Files**\n\n${task.files.map((file) => fileLine(file, input.repoUrl)).join("\n")}` : undefined,
    `**Risk:** ${task.risk}`,
    `Part of #${input.issue} · task ${inlineCode(task.id)} · attempt ${input.attempt}`,
    [
      "> [!NOTE]",
      "> When CI is green, a writer comments `/approve` on this pull request and Foreman merges it.",
      "> An approval holds for the current head commit only. `/retry` starts a fresh attempt; `/cancel` stops this task.",
    ].join("\n"),
    taskMarker({ issue: input.issue, task: task.id, attempt: input.attempt }),
  ];
  return `${sections.filter((section) => section !== undefined).join("\n\n")}\n`;
}

function fileLine(file: Task["files"][number], repoUrl: string | undefined): string {
  const name = inlineCode(file.path);
  const base = repoUrl === undefined ? undefined : safeRepoUrl(repoUrl);
  if (file.action === "create" || base === undefined) return `- ${name} (${file.action})`;
  const path = file.path.split("/").map(encodeURIComponent).join("/");
  return `- [${name}](${base}/blob/HEAD/${path}) (${file.action})`;
}

function safeRepoUrl(repoUrl: string): string | undefined {
  const trimmed = repoUrl.replace(/\/+$/, "");
  return /^https:\/\/[A-Za-z0-9.-]+(?::\d+)?\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(trimmed) ? trimmed : undefined;
}
