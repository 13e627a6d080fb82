import type { TaskStatus } from "../domain/task-status.ts";
import { codeBlock, defuse, stripHtmlComments, type SafeMarkdown } from "./neutralize-markdown.ts";

export type GraphTask = { id: string; title: string; status: TaskStatus; dependsOn: readonly string[] };

/** Fill, stroke and text colours per state, readable on light and dark themes. */
const STATE_STYLES: Readonly<Record<TaskStatus, string>> = {
  pending: "fill:#f6f8fa,stroke:#8c959f,color:#24292f",
  coding: "fill:#ddf4ff,stroke:#54aeff,color:#0a3069",
  pr_open: "fill:#ddf4ff,stroke:#0969da,color:#0a3069",
  ci_running: "fill:#fff8c5,stroke:#d4a72c,color:#4d2d00",
  ready: "fill:#fbefff,stroke:#c297ff,color:#512a97",
  approved: "fill:#fbefff,stroke:#8250df,color:#512a97",
  merging: "fill:#dafbe1,stroke:#4ac26b,color:#044f1e",
  merged: "fill:#aceebb,stroke:#1a7f37,color:#044f1e",
  failed: "fill:#ffebe9,stroke:#cf222e,color:#82071e",
  cancelled: "fill:#eaeef2,stroke:#afb8c1,color:#57606a,stroke-dasharray:4 3",
  fixing: "fill:#fff1e5,stroke:#fb8f44,color:#762c00",
  reviewing: "fill:#fbefff,stroke:#a475f9,color:#512a97",
  revising: "fill:#fff1e5,stroke:#fb8f44,color:#762c00",
  rebasing: "fill:#ddf4ff,stroke:#54aeff,color:#0a3069",
  needs_human: "fill:#ffebe9,stroke:#cf222e,color:#82071e,stroke-width:3px",
};

/**
 * The plan as a mermaid flowchart in a fenced block: one node per task (ids t0, t1, … so
 * that no task id can clash with mermaid keywords), an edge from each dependency to its
 * dependent, and one class per state.
 */
export function renderPlanGraph(tasks: readonly GraphTask[]): SafeMarkdown {
  const nodeIds = new Map(tasks.map((task, index) => [task.id, `t${index}`]));
  const nodes = tasks.map((task) => `  ${nodeIds.get(task.id)}["${mermaidLabel(`${task.id}: ${task.title}`)}"]`);
  const edges = tasks.flatMap((task) =>
    task.dependsOn.flatMap((dependency) => {
      const from = nodeIds.get(dependency);
      return from === undefined ? [] : [`  ${from} --> ${nodeIds.get(task.id)}`];
    }),
  );
  const states = [...new Set(tasks.map((task) => task.status))];
  const classDefs = states.map((state) => `  classDef ${state} ${STATE_STYLES[state]}`);
  const classes = states.map((state) => {
    const members = tasks.filter((task) => task.status === state).map((task) => nodeIds.get(task.id));
    return `  class ${members.join(",")} ${state}`;
  });
  return codeBlock("mermaid", ["graph TD", ...nodes, ...edges, ...classDefs, ...classes].join("\n"));
}

/**
 * Text for a quoted mermaid label: one line, no HTML comments, defused like any posted text (no
 * mention, closing keyword, reference or secret), and every character that could end the label,
 * start markup or leave the code block becomes a `#code;` entity.
 */
export function mermaidLabel(text: string): string {
  return defuse(stripHtmlComments(text))
    .replace(/\s+/g, " ")
    .trim()
    .replace(/["#&<>[\]{}()|`;\\]/g, (character) => `#${character.charCodeAt(0)};`);
}
