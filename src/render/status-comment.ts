import type { TaskStatus } from "../domain/task-status.ts";
import { blockquote, formatUsage, listItem, singleLine } from "./markdown.ts";
import type { Usage } from "./markdown.ts";
import { renderPlanGraph } from "./mermaid.ts";
import { statusMarker } from "./status-marker.ts";
import { TASK_STATUS_WORDS } from "./task-words.ts";

export type StatusPhase =
  | "scoping"
  | "awaiting_answers"
  | "planning"
  | "awaiting_plan_approval"
  | "running"
  | "completed"
  | "failed"
  | "cancelled";

export type StatusTask = { id: string; title: string; status: TaskStatus; pr?: number; dependsOn: readonly string[] };

/** Everything the one status comment on an issue shows. */
export type StatusView = {
  phase: StatusPhase;
  plan?: { summary: string };
  tasks: readonly StatusTask[];
  usage: Usage;
  questions?: readonly string[];
  notes?: readonly string[];
  /** Hidden at the end of the comment, so that the workflow can be rebuilt from GitHub. JSON data only. */
  snapshot: unknown;
};

export function renderStatusComment(view: StatusView): string {
  const sections = [
    `### Foreman\n\n${phaseSentence(view)}`,
    view.plan && view.plan.summary.trim().length > 0 ? blockquote(view.plan.summary) : undefined,
    view.tasks.length > 0 ? renderPlanGraph(view.tasks) : undefined,
    view.tasks.length > 0 ? view.tasks.map((task) => checklistLine(task, view.tasks)).join("\n") : undefined,
    listSection("Questions", view.questions, (index) => `${index + 1}.`),
    listSection("Notes", view.notes, () => "-"),
    `<sub>Usage: ${formatUsage(view.usage)}</sub>`,
    statusMarker(view.snapshot),
  ];
  return `${sections.filter((section) => section !== undefined).join("\n\n")}\n`;
}

function phaseSentence(view: StatusView): string {
  const merged = view.tasks.filter((task) => task.status === "merged").length;
  const total = view.tasks.length;
  const sentences: Record<StatusPhase, string> = {
    scoping: "Reading the issue and the repository.",
    awaiting_answers: "Waiting for answers to the questions below; reply in a comment on this issue.",
    planning: "Planning the work.",
    awaiting_plan_approval: "Waiting for plan approval: a writer can comment `/approve` to start, or `/plan <feedback>` to plan again.",
    running: `Working on the tasks: ${merged} of ${total} merged.`,
    completed: `Done: all ${total} tasks merged.`,
    failed: "Stopped. The notes below say why and what a maintainer can do.",
    cancelled: "Cancelled.",
  };
  return `**${sentences[view.phase]}**`;
}

function checklistLine(task: StatusTask, tasks: readonly StatusTask[]): string {
  const box = task.status === "merged" ? "[x]" : "[ ]";
  const pr = task.pr === undefined ? "" : `#${task.pr} `;
  return `- ${box} **${singleLine(task.id)}** ${singleLine(task.title)} — ${pr}${stateWords(task, tasks)}`;
}

function stateWords(task: StatusTask, tasks: readonly StatusTask[]): string {
  if (task.status !== "pending") return TASK_STATUS_WORDS[task.status];
  const merged = new Set(tasks.filter((other) => other.status === "merged").map((other) => other.id));
  const waitingFor = task.dependsOn.filter((dependency) => !merged.has(dependency));
  return waitingFor.length === 0 ? "queued" : `waiting for ${waitingFor.map((id) => `**${singleLine(id)}**`).join(", ")}`;
}

function listSection(heading: string, items: readonly string[] | undefined, marker: (index: number) => string): string | undefined {
  if (!items || items.length === 0) return undefined;
  return `**${heading}**\n\n${items.map((item, index) => listItem(marker(index), item)).join("\n")}`;
}
