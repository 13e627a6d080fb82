import type { TaskStatus } from "../domain/task-status.ts";
import {
  blockquote,
  formatCount,
  formatDuration,
  formatUsage,
  inlineCode,
  listItem,
  login,
  singleLine,
  type ListMarker,
} from "./markdown.ts";
import type { Usage } from "./markdown.ts";
import { renderPlanGraph } from "./mermaid.ts";
import { hiddenMarker, joinMarkdown, markdown, type SafeMarkdown } from "./neutralize-markdown.ts";
import { statusMarker } from "./status-marker.ts";
import { renderAwaitingWords } from "./merge-waiting.ts";
import { failedTaskWords, TASK_STATUS_WORDS } from "./task-words.ts";

export type StatusPhase =
  "scoping" | "awaiting_answers" | "planning" | "awaiting_plan_approval" | "running" | "completed" | "failed" | "cancelled";

export type StatusTask = {
  id: string;
  title: string;
  status: TaskStatus;
  pr?: number;
  dependsOn: readonly string[];
  /** What the base branch's rules still want, for an approved task waiting on them. */
  awaiting?: string | null;
  /** Who approved the plan, when the task's approval is the plan's (`approval.tasks`: `plan` or `risk`). */
  approvedWithPlanBy?: string;
  /** Why the task stopped, for a failed one: the checklist says what failed. */
  failure?: string | null;
  /** What the plan says the task will do, shown while the plan waits for approval. */
  detail?: TaskDetail;
};

/** A task as the plan describes it: what a maintainer judges before approving. */
type TaskDetail = {
  files: ReadonlyArray<{ path: string; action: "create" | "modify" | "delete" }>;
  acceptanceCriteria: readonly string[];
  risk: "low" | "medium" | "high";
};

/** Everything the one status comment on an issue shows. */
export type StatusView = {
  phase: StatusPhase;
  plan?: { summary: string };
  tasks: readonly StatusTask[];
  usage: Usage;
  questions?: readonly string[];
  notes?: readonly string[];
  /** For a completed workflow: how long it took and how many coding attempts its tasks took in all. */
  finished?: { durationMs: number; attempts: number };
  /** Hidden at the end of the comment, so that the workflow can be rebuilt from GitHub. JSON data only. */
  snapshot: unknown;
  /** While the installation's writes wait on GitHub's rate limits: until when (ms since the epoch). */
  githubHeldUntil?: number;
};

export function renderStatusComment(view: StatusView): SafeMarkdown {
  const sections = [
    markdown`### ${view.finished ? markdown`Foreman: done` : markdown`Foreman`}\n\n${phaseSentence(view)}`,
    view.githubHeldUntil === undefined ? undefined : githubWaitSentence(view.githubHeldUntil),
    view.finished ? finishedSentence(view.tasks.length, view.finished) : undefined,
    view.plan && view.plan.summary.trim().length > 0 ? blockquote(view.plan.summary) : undefined,
    view.tasks.length > 0 ? renderPlanGraph(view.tasks) : undefined,
    view.tasks.length > 0
      ? joinMarkdown(
          view.tasks.map((task) => checklistLine(task, view.tasks)),
          "\n",
        )
      : undefined,
    view.phase === "awaiting_plan_approval" ? taskDetails(view.tasks) : undefined,
    listSection(markdown`Questions`, view.questions, (index) => `${index + 1}.`),
    listSection(markdown`Notes`, view.notes, () => "-"),
    markdown`<sub>Usage: ${formatUsage(view.usage)}</sub>`,
    hiddenMarker(statusMarker(view.snapshot)),
  ];
  return markdown`${joinMarkdown(
    sections.filter((section) => section !== undefined),
    "\n\n",
  )}\n`;
}

/** Said only while GitHub's rate limits hold the installation's writes: the work goes on, its writes wait. */
function githubWaitSentence(until: number): SafeMarkdown {
  const time = singleLine(new Date(until).toISOString().slice(11, 16));
  return markdown`Writes to GitHub are waiting on its rate limits until ${time} UTC; the work goes on meanwhile.`;
}

/** The summary of a completed workflow, in the status comment's last edit. */
function finishedSentence(tasks: number, finished: NonNullable<StatusView["finished"]>): SafeMarkdown {
  const merged = tasks === 1 ? markdown`The task was` : markdown`All ${tasks} tasks were`;
  const attempts = markdown`${formatCount(finished.attempts)} ${finished.attempts === 1 ? markdown`attempt` : markdown`attempts`} in all`;
  return markdown`${merged} merged in ${formatDuration(finished.durationMs)}, with ${attempts}.`;
}

function phaseSentence(view: StatusView): SafeMarkdown {
  const merged = view.tasks.filter((task) => task.status === "merged").length;
  const total = view.tasks.length;
  const sentences: Record<StatusPhase, SafeMarkdown> = {
    scoping: markdown`Reading the issue and the repository.`,
    awaiting_answers: markdown`Waiting for answers to the questions below; reply in a comment on this issue.`,
    planning: markdown`Planning the work.`,
    awaiting_plan_approval: markdown`Waiting for plan approval: a writer can comment \`/approve\` to start, or \`/plan <feedback>\` to plan again.`,
    running: markdown`Working on the tasks: ${merged} of ${total} merged.`,
    completed: markdown`Done: all ${total} tasks merged.`,
    failed: markdown`Stopped. The notes below say why and what a maintainer can do.`,
    cancelled: markdown`Cancelled.`,
  };
  return markdown`**${sentences[view.phase]}**`;
}

function checklistLine(task: StatusTask, tasks: readonly StatusTask[]): SafeMarkdown {
  const box = task.status === "merged" ? markdown`[x]` : markdown`[ ]`;
  const pr = task.pr === undefined ? markdown`` : markdown`#${task.pr} `;
  return markdown`- ${box} **${singleLine(task.id)}** ${singleLine(task.title)} — ${pr}${stateWords(task, tasks)}${approvalWords(task)}`;
}

/** For a task that merges on the plan's approval, whose it is. */
function approvalWords(task: StatusTask): SafeMarkdown {
  return task.approvedWithPlanBy === undefined ? markdown`` : markdown`, approved with the plan by ${login(task.approvedWithPlanBy)}`;
}

/** Each task's files, dependencies, acceptance criteria and risk, one collapsed section per task. */
function taskDetails(tasks: readonly StatusTask[]): SafeMarkdown | undefined {
  const detailed = tasks.filter((task) => task.detail !== undefined);
  if (detailed.length === 0) return undefined;
  return joinMarkdown(
    detailed.map((task) => detailSection(task, task.detail as TaskDetail)),
    "\n\n",
  );
}

function detailSection(task: StatusTask, detail: TaskDetail): SafeMarkdown {
  const files = joinMarkdown(
    detail.files.map((file) => markdown`- ${inlineCode(file.path)} (${FILE_ACTIONS[file.action]})`),
    "\n",
  );
  const criteria = joinMarkdown(
    detail.acceptanceCriteria.map((criterion) => listItem("-", criterion)),
    "\n",
  );
  const after =
    task.dependsOn.length === 0
      ? markdown``
      : markdown`**After:** ${joinMarkdown(
          task.dependsOn.map((id) => markdown`**${singleLine(id)}**`),
          ", ",
        )}\n\n`;
  return markdown`<details><summary><b>${singleLine(task.id)}</b>: ${RISK_WORDS[detail.risk]} risk, ${detail.files.length} file${detail.files.length === 1 ? markdown`` : markdown`s`}</summary>\n\n${after}**Files**\n\n${files}\n\n**Acceptance criteria**\n\n${criteria}\n\n</details>`;
}

const FILE_ACTIONS: Readonly<Record<TaskDetail["files"][number]["action"], SafeMarkdown>> = {
  create: markdown`create`,
  modify: markdown`modify`,
  delete: markdown`delete`,
};

const RISK_WORDS: Readonly<Record<TaskDetail["risk"], SafeMarkdown>> = {
  low: markdown`low`,
  medium: markdown`medium`,
  high: markdown`high`,
};

function stateWords(task: StatusTask, tasks: readonly StatusTask[]): SafeMarkdown {
  if (task.status === "failed") return failedTaskWords(task);
  if (task.status === "approved" && task.awaiting) return renderAwaitingWords(task.awaiting);
  if (task.status !== "pending") return TASK_STATUS_WORDS[task.status];
  const merged = new Set(tasks.filter((other) => other.status === "merged").map((other) => other.id));
  const waitingFor = task.dependsOn.filter((dependency) => !merged.has(dependency));
  if (waitingFor.length === 0) return markdown`queued`;
  return markdown`waiting for ${joinMarkdown(
    waitingFor.map((id) => markdown`**${singleLine(id)}**`),
    ", ",
  )}`;
}

function listSection(
  heading: SafeMarkdown,
  items: readonly string[] | undefined,
  marker: (index: number) => ListMarker,
): SafeMarkdown | undefined {
  if (!items || items.length === 0) return undefined;
  return markdown`**${heading}**\n\n${joinMarkdown(
    items.map((item, index) => listItem(marker(index), item)),
    "\n",
  )}`;
}
