import type { TaskStatus } from "../domain/task-status.ts";
import { inlineCode, singleLine } from "./markdown.ts";

export type CiState = "pending" | "success" | "failure";

export type CheckRunInput = {
  task: { id: string; title: string };
  status: TaskStatus;
  pr: number;
  ci?: { state: CiState; failingChecks?: readonly string[] };
  approval?: { by: string; sha: string };
};

/** Plain-text titles (check run titles are not markdown). */
const TITLES: Readonly<Record<TaskStatus, string>> = {
  pending: "Waiting to start",
  coding: "Writing the change",
  pr_open: "Waiting for CI",
  ci_running: "CI running",
  ready: "Ready: waiting for /approve",
  approved: "Approved",
  merging: "Merging",
  merged: "Merged",
  failed: "CI failed",
  cancelled: "Cancelled",
  fixing: "Fixing a CI failure",
  reviewing: "Reviewing",
  revising: "Revising after review",
  rebasing: "Updating to the new base",
  needs_human: "Needs a human",
};

/** The title and markdown summary of the `Foreman` check run on a task's head commit. */
export function renderCheckRunOutput(input: CheckRunInput): { title: string; summary: string } {
  const lines = [
    `**Task ${inlineCode(input.task.id)}:** ${singleLine(input.task.title)}`,
    `**Pull request:** #${input.pr}`,
    input.ci ? `**CI:** ${ciWords(input.ci)}` : undefined,
    `**Approval:** ${approvalWords(input)}`,
  ];
  return { title: TITLES[input.status], summary: lines.filter((line) => line !== undefined).join("\n\n") };
}

function ciWords(ci: NonNullable<CheckRunInput["ci"]>): string {
  if (ci.state === "success") return "passing";
  if (ci.state === "pending") return "running";
  const failing = ci.failingChecks ?? [];
  return failing.length === 0 ? "failing" : `failing: ${failing.map((name) => inlineCode(name)).join(", ")}`;
}

function approvalWords(input: CheckRunInput): string {
  if (input.approval) return `approved by ${inlineCode(input.approval.by)} at ${inlineCode(input.approval.sha.slice(0, 7))}`;
  if (input.status === "ready") return `a writer can comment \`/approve\` on #${input.pr} to approve this commit`;
  return "not yet";
}
