import { inlineCode } from "./markdown.ts";
import { neutralizeMarkdown } from "./neutralize-markdown.ts";

export interface EscalationView {
  taskId: string;
  title: string;
  branch: string;
  reason: string;
  fixAttempts: number;
  classifications: readonly string[];
  reviewRounds: number;
  lastError: string | null;
}

function tried(view: EscalationView): string {
  const parts = [`${view.fixAttempts} fix attempt${view.fixAttempts === 1 ? "" : "s"}`];
  if (view.classifications.length > 0) parts.push(`failures classified as ${view.classifications.map((name) => inlineCode(name)).join(", ")}`);
  if (view.reviewRounds > 0) parts.push(`${view.reviewRounds} review round${view.reviewRounds === 1 ? "" : "s"}`);
  return parts.join("; ");
}

/** The one comment Foreman posts when it stops and hands a task to a human. */
export function renderEscalation(view: EscalationView): string {
  const error = view.lastError ? ["", "**Last error:**", "", "```text", view.lastError.replaceAll("```", "'''"), "```"] : [];
  return [
    `### Foreman needs a human for task ${inlineCode(view.taskId)}: ${neutralizeMarkdown(view.title)}`,
    "",
    `**Why:** ${neutralizeMarkdown(view.reason)}`,
    "",
    `**What was tried:** ${tried(view)}.`,
    ...error,
    "",
    "**What you can do:**",
    "- comment `/retry` on this pull request for a fresh attempt (or one re-run of a flaky job);",
    `- push a fix to ${inlineCode(view.branch)} yourself: Foreman picks up from your commit and CI runs again;`,
    "- comment `/cancel` to stop this task.",
  ].join("\n");
}
