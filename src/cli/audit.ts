import { RepoKey, WorkflowId } from "../domain/ids.ts";
import { WorkflowState } from "../engine/types.ts";
import type { AuditEvent, JobSummary, Store } from "../store/store.ts";
import { replayWorkflow } from "./replay.ts";

export class AuditTargetError extends Error {
  constructor(target: string) {
    super(
      `expected <owner>/<repo>#<issue> (a workflow) or <owner>/<repo> (its writes about no workflow), e.g. acme/stats#12; got "${target}"`,
    );
    this.name = "AuditTargetError";
  }
}

/**
 * `owner/repo#12` as the workflow id the store uses, or `owner/repo` as the repository key under
 * which the audit trail files writes about no workflow (the `Foreman` check on other pull requests).
 */
export function parseAuditTarget(target: string): string {
  const workflow = WorkflowId.parse(target.trim());
  if (workflow) return WorkflowId.toString(workflow);
  const repository = RepoKey.parse(target.trim());
  if (!repository) throw new AuditTargetError(target);
  return RepoKey.toString(repository);
}

interface EventData {
  event?: Record<string, unknown>;
  ignored?: string | null;
  phase?: string;
  effects?: Array<Record<string, unknown>>;
  patch?: Record<string, unknown>;
  reason?: string;
  error?: string;
  job?: { kind?: string };
}

/** The SHA an event is about, if any: a head, a merge, an approval. */
function shaOf(event: Record<string, unknown> | undefined): string {
  const sha = event?.sha ?? event?.headSha;
  return typeof sha === "string" ? sha.slice(0, 7) : "";
}

function describeEffect(effect: Record<string, unknown>): string {
  const about = [effect.taskId, typeof effect.sha === "string" ? effect.sha.slice(0, 7) : undefined, effect.state, effect.key].filter(
    (part) => typeof part === "string",
  );
  return about.length > 0 ? `${String(effect.type)}(${about.join(" ")})` : String(effect.type);
}

function outcomeOf(event: AuditEvent): string {
  const data = (event.data ?? {}) as EventData;
  if (data.ignored) return `ignored: ${data.ignored}`;
  if (data.phase) return `applied → ${data.phase}`;
  if (data.patch) return `learned ${Object.keys(data.patch).join(", ")}${data.reason ? ` (${data.reason})` : ""}`;
  if (data.error) return `failed: ${data.job?.kind ?? "job"}: ${data.error}`;
  return "";
}

type SpentUsage = {
  modelCalls?: number;
  toolCalls?: number;
  promptTokens?: number;
  completionTokens?: number;
  costUsd?: number;
  unpricedTokens?: number;
};

/** The cost as far as it is known: tokens of a model without a price are never shown as $0. */
function costOf(usage: SpentUsage, tokens: number): string {
  const unpriced = usage.unpricedTokens ?? 0;
  const dollars = `$${(usage.costUsd ?? 0).toFixed(4)}`;
  if (unpriced <= 0) return dollars;
  return unpriced >= tokens ? "price unknown" : `${dollars} + price unknown for ${unpriced} tokens`;
}

/** What an event's agent spent, when it called the model: its calls, the tools it called, its tokens and their cost. */
function spentBy(event: Record<string, unknown> | undefined): string {
  const usage = event?.usage as SpentUsage | undefined;
  if (!usage?.modelCalls) return "";
  const tools = usage.toolCalls ? `, ${usage.toolCalls} tool calls` : "";
  const tokens = (usage.promptTokens ?? 0) + (usage.completionTokens ?? 0);
  return `  [${usage.modelCalls} model calls${tools}, ${tokens} tokens, ${costOf(usage, tokens)}]`;
}

/** One line per recorded event: time, kind, actor, delivery id, SHA, outcome (and what its agent spent), effects. */
function formatEvent(event: AuditEvent): string {
  const data = (event.data ?? {}) as EventData;
  const effects = (data.effects ?? []).map(describeEffect).join(", ");
  const columns = [
    new Date(event.at).toISOString(),
    event.kind.padEnd(16),
    (event.actor ?? "-").padEnd(12),
    (event.deliveryId ?? "-").padEnd(36),
    shaOf(data.event).padEnd(7),
    `${outcomeOf(event)}${spentBy(data.event)}`,
  ];
  return `${columns.join("  ")}${effects ? `\n${" ".repeat(26)}effects: ${effects}` : ""}`;
}

function formatJob(job: JobSummary): string {
  return `#${job.id} ${job.kind} ${job.state} attempts=${job.attempts}${job.lastError ? ` last error: ${job.lastError}` : ""}`;
}

const HEADER = `${"time".padEnd(24)}  ${"kind".padEnd(16)}  ${"actor".padEnd(12)}  ${"delivery".padEnd(36)}  ${"sha".padEnd(7)}  outcome`;

/** The writes Foreman made in a repository about no workflow, filed under its key: the `Foreman` check on pull requests that are not tasks. */
function repositoryReport(store: Store, repository: string): string {
  const events = store.events(repository);
  if (events.length === 0) return `No writes about repository ${repository} outside its workflows in this database.`;
  return [`Repository ${repository}: writes about no workflow`, "", HEADER, ...events.map(formatEvent)].join("\n");
}

/**
 * The audit trail of one workflow: its state, every recorded event, its jobs, and whether replaying
 * the log gives the stored state. For a repository key (see `parseAuditTarget`), the writes about
 * no workflow.
 */
export function auditReport(store: Store, key: string): string {
  if (!WorkflowId.parse(key)) return repositoryReport(store, key);
  const workflowId = key;
  const record = store.getWorkflow(workflowId);
  const events = store.events(workflowId);
  if (!record && events.length === 0) return `No workflow ${workflowId} in this database.`;
  // Read back through the schema, as the stored state was, so that the order of keys does not count.
  const replayed = WorkflowState.safeParse(replayWorkflow(events));
  const matches = record !== null && replayed.success && JSON.stringify(replayed.data) === JSON.stringify(record.state);
  return [
    `Workflow ${workflowId}: ${record ? `${record.state.phase}, version ${record.version}, ${record.open ? "open" : "closed"}` : "no stored state"}`,
    "",
    HEADER,
    ...events.map(formatEvent),
    "",
    "jobs:",
    ...store.jobsFor(workflowId).map((job) => `  ${formatJob(job)}`),
    "",
    `replaying the ${events.length} recorded events ${matches ? "gives the stored state" : "does NOT give the stored state"}.`,
  ].join("\n");
}
