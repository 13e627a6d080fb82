import { Gauge, type Registry } from "prom-client";
import type { StoreOverview } from "../store/overview.ts";
import type { WorkflowRecord } from "../store/store.ts";
import { waitingOn } from "./waiting-on.ts";

/** What the gauges read at scrape time. */
export interface GaugeSource {
  overview: StoreOverview;
  openWorkflows(): WorkflowRecord[];
  now(): number;
}

/** Longest time since an open workflow last changed, by phase and whom it waits on. */
function oldestChanges(source: GaugeSource): Map<string, { phase: string; waiting: string; seconds: number }> {
  const stamps = new Map(source.overview.openWorkflowStamps().map((stamp) => [stamp.id, stamp.updatedAt]));
  const oldest = new Map<string, { phase: string; waiting: string; seconds: number }>();
  for (const { id, state } of source.openWorkflows()) {
    const seconds = Math.max(0, (source.now() - (stamps.get(id) ?? source.now())) / 1000);
    const waiting = waitingOn(state);
    const key = `${state.phase}/${waiting}`;
    if ((oldest.get(key)?.seconds ?? -1) < seconds) oldest.set(key, { phase: state.phase, waiting, seconds });
  }
  return oldest;
}

function workflowGauges(registry: Registry, source: GaugeSource): void {
  const registers = [registry];
  new Gauge({
    name: "foreman_workflows",
    help: "Workflows in the database by phase, and whether they are open.",
    labelNames: ["phase", "open"],
    registers,
    collect() {
      this.reset();
      for (const row of source.overview.workflowPhases()) this.set({ phase: row.phase, open: String(row.open) }, row.count);
    },
  });
  new Gauge({
    name: "foreman_tasks",
    help: "Tasks of open workflows by status.",
    labelNames: ["status"],
    registers,
    collect() {
      this.reset();
      for (const row of source.overview.openTaskStatuses()) this.set({ status: row.status }, row.count);
    },
  });
  new Gauge({
    name: "foreman_workflow_oldest_change_age_seconds",
    help: "Seconds since the least recently changed open workflow last changed, by phase and whom it waits on (foreman, human).",
    labelNames: ["phase", "waiting_on"],
    registers,
    collect() {
      this.reset();
      for (const row of oldestChanges(source).values()) this.set({ phase: row.phase, waiting_on: row.waiting }, row.seconds);
    },
  });
}

/** The largest share of its budget (tokens or cost) an open workflow has spent. */
function budgetRatios(source: GaugeSource): { tokens: number; cost: number } {
  let tokens = 0;
  let cost = 0;
  for (const { state } of source.openWorkflows()) {
    const { tokensPerIssue, costPerIssueUsd } = state.config.limits;
    tokens = Math.max(tokens, (state.usage.promptTokens + state.usage.completionTokens) / tokensPerIssue);
    cost = Math.max(cost, state.usage.costUsd / costPerIssueUsd);
  }
  return { tokens, cost };
}

function budgetGauges(registry: Registry, source: GaugeSource): void {
  const registers = [registry];
  new Gauge({
    name: "foreman_workflow_budget_used_ratio",
    help: "The largest share of its per-issue budget an open workflow has spent, by budget (tokens, cost); 1 is exhausted.",
    labelNames: ["budget"],
    registers,
    collect() {
      const ratios = budgetRatios(source);
      this.set({ budget: "tokens" }, ratios.tokens);
      this.set({ budget: "cost" }, ratios.cost);
    },
  });
  new Gauge({
    name: "foreman_workflows_budget_exhausted",
    help: "Workflows in the database whose usage reached their token or cost budget, and whether they are open.",
    labelNames: ["open"],
    registers,
    collect() {
      this.reset();
      this.set({ open: "true" }, 0);
      this.set({ open: "false" }, 0);
      for (const row of source.overview.budgetExhausted()) this.set({ open: String(row.open) }, row.count);
    },
  });
}

function queueGauges(registry: Registry, source: GaugeSource): void {
  const registers = [registry];
  const rows = () => source.overview.queue(source.now());
  new Gauge({
    name: "foreman_job_queue_depth",
    help: "Jobs in the queue by kind and state: due (ready to run now), scheduled (waiting out a backoff or a rate limit), leased (running).",
    labelNames: ["kind", "state"],
    registers,
    collect() {
      this.reset();
      for (const row of rows()) {
        this.set({ kind: row.kind, state: "due" }, row.due);
        this.set({ kind: row.kind, state: "scheduled" }, row.scheduled);
        this.set({ kind: row.kind, state: "leased" }, row.leased);
      }
    },
  });
  new Gauge({
    name: "foreman_job_oldest_due_age_seconds",
    help: "Seconds the oldest due job of each kind has waited for a worker (0 when none is due).",
    labelNames: ["kind"],
    registers,
    collect() {
      this.reset();
      const now = source.now();
      for (const row of rows()) this.set({ kind: row.kind }, row.oldestDueAt === null ? 0 : Math.max(0, (now - row.oldestDueAt) / 1000));
    },
  });
  new Gauge({
    name: "foreman_jobs_retrying",
    help: "Jobs that failed and wait for another attempt, by kind.",
    labelNames: ["kind"],
    registers,
    collect() {
      this.reset();
      for (const row of rows()) this.set({ kind: row.kind }, row.retrying);
    },
  });
  new Gauge({
    name: "foreman_jobs_failed",
    help: "Jobs in the database that failed for good, by kind.",
    labelNames: ["kind"],
    registers,
    collect() {
      this.reset();
      for (const row of rows()) this.set({ kind: row.kind }, row.failed);
    },
  });
}

/** Gauges computed from the store when Prometheus scrapes: nothing is kept in memory between scrapes. */
export function registerStoreGauges(registry: Registry, source: GaugeSource): void {
  workflowGauges(registry, source);
  budgetGauges(registry, source);
  queueGauges(registry, source);
}
