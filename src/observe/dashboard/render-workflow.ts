import type { TaskRecord, WorkflowState } from "../../engine/types.ts";
import type { JobSummary } from "../../store/store.ts";
import { html, type Html } from "./html.ts";
import { costText, excerpt, page, timeText } from "./page.ts";
import { renderTaskGraph, statusTone, type GraphTask } from "./task-graph.ts";

export interface WorkflowView {
  state: WorkflowState;
  open: boolean;
  jobs: JobSummary[];
  /** GitHub's web address (`https://github.com`), for links to issues and pull requests. */
  webUrl: string;
}

function graphTasks(state: WorkflowState): GraphTask[] {
  return (state.plan?.tasks ?? []).map((task) => ({
    id: task.id,
    title: task.title,
    status: state.tasks[task.id]?.status ?? "pending",
    dependsOn: task.dependsOn,
  }));
}

function ciText(task: TaskRecord): string {
  if (!task.ciResult) return task.status === "ci_running" ? "running" : "";
  return `${task.ciResult.conclusion} on ${task.ciResult.sha.slice(0, 7)}`;
}

function reviewText(task: TaskRecord): string {
  if (!task.reviewVerdict) return "";
  return `${task.reviewVerdict}${task.reviewRounds > 0 ? ` (${task.reviewRounds} round${task.reviewRounds === 1 ? "" : "s"})` : ""}`;
}

function taskRow(view: WorkflowView, title: string, task: TaskRecord): Html {
  const repoUrl = `${view.webUrl}/${view.state.ref.owner}/${view.state.ref.repo}`;
  const pr = task.pr === null ? "" : html`<a href="${`${repoUrl}/pull/${task.pr}`}" rel="noreferrer">#${task.pr}</a>`;
  return html`<tr class="task" data-task="${task.id}"><td>${task.id}</td><td>${title}</td><td class="tone-${statusTone(task.status)}">${task.status}</td>
<td>${pr}</td><td>${ciText(task)}</td><td>${reviewText(task)}</td><td class="num">${task.attempts}</td><td class="num">${task.fixAttempts}</td>
<td class="num">${costText(task.usage.costUsd)}</td><td class="error">${task.lastError === null ? "" : excerpt(task.lastError)}</td></tr>`;
}

function tasksTable(view: WorkflowView): Html {
  const titles = new Map((view.state.plan?.tasks ?? []).map((task) => [task.id, task.title]));
  const tasks = Object.values(view.state.tasks);
  if (tasks.length === 0) return html`<p class="muted">No tasks yet.</p>`;
  return html`<table id="tasks"><thead><tr><th>Task</th><th>Title</th><th>Status</th><th>Pull request</th><th>CI</th><th>Review</th>
<th class="num">Attempts</th><th class="num">Fixes</th><th class="num">Cost</th><th>Last error</th></tr></thead>
<tbody>${tasks.map((task) => taskRow(view, titles.get(task.id) ?? "", task))}</tbody></table>`;
}

function jobsTable(jobs: JobSummary[]): Html {
  if (jobs.length === 0) return html`<p class="muted">No jobs.</p>`;
  const row = (job: JobSummary): Html =>
    html`<tr><td class="num">${job.id}</td><td>${job.kind}</td><td>${job.key}</td><td>${job.state}</td><td class="num">${job.attempts}</td><td>${timeText(job.runAt)}</td><td class="error">${job.lastError === null ? "" : excerpt(job.lastError)}</td></tr>`;
  return html`<table id="jobs"><thead><tr><th class="num">Id</th><th>Kind</th><th>Key</th><th>State</th><th class="num">Attempts</th><th>Runs at</th><th>Last error</th></tr></thead>
<tbody>${jobs.map(row)}</tbody></table>`;
}

function facts(view: WorkflowView): Html {
  const { state } = view;
  const issueUrl = `${view.webUrl}/${state.ref.owner}/${state.ref.repo}/issues/${state.issue}`;
  const tokens = state.usage.promptTokens + state.usage.completionTokens;
  return html`<table class="facts"><tbody>
<tr><th>Issue</th><td><a href="${issueUrl}" rel="noreferrer">${state.ref.owner}/${state.ref.repo}#${state.issue}</a> ${state.issueTitle}</td></tr>
<tr><th>Phase</th><td><span class="pill">${state.phase}</span>${view.open ? "" : " (closed)"}</td></tr>
<tr><th>Requested by</th><td>${state.requester}</td></tr>
<tr><th>Started</th><td>${timeText(state.startedAt)}</td></tr>
<tr><th>Finished</th><td>${timeText(state.finishedAt)}</td></tr>
<tr><th>Usage</th><td>${state.usage.modelCalls} model calls, ${tokens} tokens, ${costText(state.usage.costUsd)} (budget ${state.config.limits.tokensPerIssue} tokens, ${costText(state.config.limits.costPerIssueUsd)})</td></tr>
${state.failure === null ? "" : html`<tr><th>Failure</th><td class="error">${excerpt(state.failure, 2000)}</td></tr>`}
</tbody></table>`;
}

export function renderWorkflow(view: WorkflowView): Html {
  const { state } = view;
  const graph = state.plan
    ? html`<div class="graph" id="graph">${renderTaskGraph(graphTasks(state))}</div><p class="muted">${state.plan.summary}</p>`
    : html`<p class="muted">No plan yet.</p>`;
  return page(
    `${state.id}`,
    html`<h1>${state.id}: ${state.issueTitle}</h1>${facts(view)}
<h2>Plan</h2>${graph}
<h2>Tasks</h2>${tasksTable(view)}
<h2>Jobs</h2>${jobsTable(view.jobs)}`,
  );
}
