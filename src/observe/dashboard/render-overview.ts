import type { JobFailure, QueueRow } from "../../store/overview.ts";
import { html, type Html } from "./html.ts";
import { ageText, costText, excerpt, page, timeText } from "./page.ts";
import { workflowPath } from "./paths.ts";

/** One workflow as the overview lists it; `unreadable` when its stored state does not read back. */
export interface WorkflowLine {
  id: string;
  open: boolean;
  updatedAt: number;
  summary: { title: string; phase: string; tasksMerged: number; tasks: number; costUsd: number; tokens: number } | null;
}

export interface OverviewView {
  now: number;
  workflows: WorkflowLine[];
  queue: QueueRow[];
  failures: JobFailure[];
}

function workflowRow(line: WorkflowLine): Html {
  const { summary } = line;
  const link = html`<a href="${workflowPath(line.id)}">${line.id}</a>`;
  if (!summary)
    return html`<tr><td>${link}</td><td colspan="5" class="notice">stored state does not read back (see the audit trail)</td><td>${timeText(line.updatedAt)}</td></tr>`;
  return html`<tr class="workflow" data-workflow="${line.id}">
<td>${link}</td><td>${summary.title}</td><td><span class="pill">${summary.phase}</span>${line.open ? "" : html` <span class="muted">closed</span>`}</td>
<td class="num">${summary.tasksMerged}/${summary.tasks}</td><td class="num">${costText(summary.costUsd)}</td><td class="num">${summary.tokens}</td><td>${timeText(line.updatedAt)}</td></tr>`;
}

function workflowsTable(lines: WorkflowLine[]): Html {
  if (lines.length === 0) return html`<p class="muted">No workflows yet: label an issue to start one.</p>`;
  return html`<table id="workflows"><thead><tr><th>Workflow</th><th>Issue</th><th>Phase</th><th class="num">Merged</th><th class="num">Cost</th><th class="num">Tokens</th><th>Changed</th></tr></thead>
<tbody>${lines.map(workflowRow)}</tbody></table>`;
}

function queueTable(rows: QueueRow[], now: number): Html {
  if (rows.length === 0) return html`<p class="muted">The queue is empty.</p>`;
  const row = (queue: QueueRow): Html =>
    html`<tr><td>${queue.kind}</td><td class="num">${queue.due}</td><td class="num">${queue.scheduled}</td><td class="num">${queue.leased}</td><td class="num">${queue.retrying}</td><td class="num">${queue.failed}</td><td>${queue.oldestDueAt === null ? "" : ageText((now - queue.oldestDueAt) / 1000)}</td></tr>`;
  return html`<table id="queue"><thead><tr><th>Kind</th><th class="num">Due</th><th class="num">Scheduled</th><th class="num">Running</th><th class="num">Retrying</th><th class="num">Failed</th><th>Oldest due</th></tr></thead>
<tbody>${rows.map(row)}</tbody></table>`;
}

function failuresTable(failures: JobFailure[]): Html {
  if (failures.length === 0) return html`<p class="muted">No failed or retrying jobs.</p>`;
  const row = (failure: JobFailure): Html =>
    html`<tr><td>${failure.kind}</td><td>${failure.key}</td><td>${failure.state === "failed" ? "failed" : "retrying"}</td><td class="num">${failure.attempts}</td><td>${timeText(failure.runAt)}</td><td class="error">${excerpt(failure.lastError)}</td></tr>`;
  return html`<table id="failures"><thead><tr><th>Kind</th><th>Key</th><th>State</th><th class="num">Attempts</th><th>Runs at</th><th>Last error</th></tr></thead>
<tbody>${failures.map(row)}</tbody></table>`;
}

function cards(view: OverviewView): Html {
  const open = view.workflows.filter((line) => line.open).length;
  const due = view.queue.reduce((sum, row) => sum + row.due + row.leased, 0);
  const cost = view.workflows.reduce((sum, line) => sum + (line.summary?.costUsd ?? 0), 0);
  return html`<div class="cards"><div class="card"><b>${open}</b>open workflows</div><div class="card"><b>${due}</b>jobs due or running</div>
<div class="card"><b>${view.failures.length}</b>recent failures</div><div class="card"><b>${costText(cost)}</b>cost of the workflows listed</div></div>`;
}

export function renderOverview(view: OverviewView): Html {
  return page(
    "Workflows",
    html`<h1>Workflows</h1>${cards(view)}
<h2>Workflows across repositories</h2>${workflowsTable(view.workflows)}
<h2>Job queue</h2>${queueTable(view.queue, view.now)}
<h2>Recent failures</h2>${failuresTable(view.failures)}`,
  );
}
