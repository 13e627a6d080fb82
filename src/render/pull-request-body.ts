import type { Task } from "../plan/plan.ts";
import { assertIssueNumber } from "./branch-name.ts";
import { inlineCode, listItem } from "./markdown.ts";
import { hiddenMarker, joinMarkdown, markdown, neutralizeMarkdown, type SafeMarkdown } from "./neutralize-markdown.ts";
import { taskMarker } from "./task-marker.ts";

export type PullRequestBodyInput = {
  issue: number;
  task: Pick<Task, "id" | "description" | "acceptanceCriteria" | "files" | "risk">;
  attempt: number;
  /** `https://github.com/<owner>/<repo>`: when given, existing files link to the default branch. */
  repoUrl?: string;
  /** How the repository's checks ended when the coder ran them on this commit's files (empty or absent: not run). */
  localChecks?: ReadonlyArray<{ name: string; outcome: LocalOutcome; durationMs: number }>;
  /** The task is the last to merge and `pullRequests.closesIssue` is on: the body closes the issue. */
  closesIssue?: boolean;
};

type LocalOutcome = "passed" | "failed" | "timed_out" | "error" | "not_run";

const OUTCOME_WORDS: Readonly<Record<LocalOutcome, SafeMarkdown>> = {
  passed: markdown`passed`,
  failed: markdown`failed`,
  timed_out: markdown`ran out of time`,
  error: markdown`could not run`,
  not_run: markdown`not run on the final files (no runs left)`,
};

function localChecksSection(checks: PullRequestBodyInput["localChecks"]): SafeMarkdown | undefined {
  if (checks === undefined || checks.length === 0) return undefined;
  const lines = checks.map((check) =>
    check.outcome === "not_run"
      ? markdown`- ${inlineCode(check.name)}: ${OUTCOME_WORDS[check.outcome]}`
      : markdown`- ${inlineCode(check.name)}: ${OUTCOME_WORDS[check.outcome]} (${Math.round(check.durationMs / 100) / 10} s)`,
  );
  return markdown`**Checks run locally** on this commit's files, in Foreman's sandbox, before it was pushed (CI decides):\n\n${joinMarkdown(lines, "\n")}`;
}

/**
 * The body of a task's pull request. It says `Part of #<issue>`, never a closing keyword (Foreman
 * closes the issue itself once every task is merged), except on the last task's with `closesIssue`:
 * `Closes #<issue>`, for the workflow's own issue only, so that GitHub closes it on the merge.
 */
export function renderPullRequestBody(input: PullRequestBodyInput): SafeMarkdown {
  assertIssueNumber(input.issue);
  const { task } = input;
  const sections = [
    task.description.trim().length > 0 ? neutralizeMarkdown(task.description.trim()) : undefined,
    markdown`**Acceptance criteria**\n\n${joinMarkdown(
      task.acceptanceCriteria.map((criterion) => listItem("-", criterion)),
      "\n",
    )}`,
    task.files.length > 0
      ? markdown`**Files**\n\n${joinMarkdown(
          task.files.map((file) => fileLine(file, input.repoUrl)),
          "\n",
        )}`
      : undefined,
    localChecksSection(input.localChecks),
    markdown`**Risk:** ${RISK_WORDS[task.risk]}`,
    markdown`${input.closesIssue === true ? markdown`Closes` : markdown`Part of`} #${input.issue} · task ${inlineCode(task.id)} · attempt ${input.attempt}`,
    markdown`> [!NOTE]
> When CI is green, a writer comments \`/approve\` on this pull request and Foreman merges it.
> An approval holds for the current head commit only. \`/retry\` starts a fresh attempt; \`/cancel\` stops this task.`,
    hiddenMarker(taskMarker({ issue: input.issue, task: task.id, attempt: input.attempt })),
  ];
  return markdown`${joinMarkdown(
    sections.filter((section) => section !== undefined),
    "\n\n",
  )}\n`;
}

const RISK_WORDS: Readonly<Record<Task["risk"], SafeMarkdown>> = { low: markdown`low`, medium: markdown`medium`, high: markdown`high` };

function fileLine(file: Task["files"][number], repoUrl: string | undefined): SafeMarkdown {
  const name = inlineCode(file.path);
  const action = ACTION_WORDS[file.action];
  const url = file.action === "create" || repoUrl === undefined ? undefined : fileUrl(repoUrl, file.path);
  return url === undefined ? markdown`- ${name} (${action})` : markdown`- [${name}](${url}) (${action})`;
}

const ACTION_WORDS: Readonly<Record<Task["files"][number]["action"], SafeMarkdown>> = {
  create: markdown`create`,
  modify: markdown`modify`,
  delete: markdown`delete`,
};

/** The file on the default branch, when the repository URL is one GitHub would give; every path segment is percent-encoded. */
function fileUrl(repoUrl: string, path: string): SafeMarkdown | undefined {
  const base = repoUrl.replace(/\/+$/, "");
  if (!/^https:\/\/[A-Za-z0-9.-]+(?::\d+)?\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(base)) return undefined;
  return `${base}/blob/HEAD/${path.split("/").map(encodeURIComponent).join("/")}` as SafeMarkdown;
}
