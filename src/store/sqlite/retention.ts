import type { SQLInputValue } from "node:sqlite";
import type { SqliteDb } from "./sqlite-db.ts";

const DAY_MS = 86_400_000;

/**
 * How long finished work is kept: its deliveries, jobs and effect results for `retentionDays`,
 * its audit trail (events and the workflow's row) for `auditRetentionDays`. Nothing an open
 * workflow or a queued or running job needs is ever deleted (see docs/operations.md, Retention).
 */
export interface RetentionPolicy {
  retentionDays: number;
  auditRetentionDays: number;
}

/** GitHub lets a delivery be redelivered for 3 days (7 on GitHub Enterprise Server): deliveries are kept longer than that. */
export const MIN_RETENTION_DAYS = 7;

export const DEFAULT_RETENTION: RetentionPolicy = { retentionDays: 30, auditRetentionDays: 365 };

/** Rows deleted (or, in a dry run, that would be), by table. */
export interface PruneReport {
  events: number;
  effects: number;
  seen: number;
  jobs: number;
  deliveries: number;
  workflows: number;
}

/** Jobs still to run or running. */
const PENDING = "state IN ('ready', 'leased')";

/** Finished workflows whose audit is past keeping, with no job of theirs still to run. */
const EXPIRED_WORKFLOWS = `SELECT w.id FROM workflows w WHERE w.open = 0 AND w.updated_at < ?
  AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.${PENDING} AND (j.key = w.id OR substr(j.key, 1, length(w.id) + 1) = w.id || '/'))`;

/** The workflows a rule is about, passed in as a JSON list of ids (read once, before anything is deleted). */
const EXPIRED = "(SELECT value AS id FROM json_each(:expired))";
const OPEN = "(SELECT value AS id FROM json_each(:open))";

/**
 * Whether an effect's key names the workflow `w.id`: the keys of decisions (`<id>@<version>…`),
 * of tasks' work (`<id>/<task>…`), and the same after a `writes:` prefix.
 */
const EFFECT_NAMES_WORKFLOW = `(substr(e.key, 1, length(w.id) + 1) IN (w.id || '@', w.id || '/')
  OR instr(e.key, ':' || w.id || '@') > 0 OR instr(e.key, ':' || w.id || '/') > 0)`;

/** An effect keyed by a delivery whose job is still queued (its writes must stay done once). */
const EFFECT_OF_PENDING_DELIVERY = `EXISTS (SELECT 1 FROM jobs j WHERE j.${PENDING}
  AND json_extract(j.payload, '$.deliveryId') IS NOT NULL AND instr(e.key, json_extract(j.payload, '$.deliveryId')) > 0)`;

/** A job of a workflow still open: its own key or one of its tasks' keys. */
const JOB_OF_OPEN_WORKFLOW = `EXISTS (SELECT 1 FROM ${OPEN} w WHERE j.key = w.id OR substr(j.key, 1, length(w.id) + 1) = w.id || '/')`;

/** The oldest start among open workflows: the reconciler looks for missed comments made since then. */
const OLDEST_OPEN_START = "(SELECT min(json_extract(state, '$.startedAt')) FROM workflows WHERE open = 1)";

interface Rule {
  table: keyof PruneReport;
  /** The table with its alias, as the rule's condition names it. */
  from: string;
  where: string;
}

/**
 * What goes, table by table. Each condition reads the database as it was before any deletion
 * (the workflows' rows go last), so a dry run counts exactly what a prune deletes.
 */
const RULES: readonly Rule[] = [
  {
    table: "events",
    from: "events",
    where: `workflow_id IN ${EXPIRED} OR (at < :auditCutoff AND workflow_id NOT IN (SELECT id FROM workflows))`,
  },
  {
    table: "effects",
    from: "effects AS e",
    where: `NOT EXISTS (SELECT 1 FROM ${OPEN} w WHERE ${EFFECT_NAMES_WORKFLOW})
      AND NOT ${EFFECT_OF_PENDING_DELIVERY}
      AND (e.recorded_at < :cutoff OR EXISTS (SELECT 1 FROM ${EXPIRED} w WHERE ${EFFECT_NAMES_WORKFLOW}))`,
  },
  {
    table: "seen",
    from: "seen AS s",
    where: `(s.kind = 'comment' AND s.seen_at < :cutoff AND s.seen_at < coalesce(${OLDEST_OPEN_START}, :cutoff))
      OR (s.kind IN ('label', 'gone') AND EXISTS (SELECT 1 FROM ${EXPIRED} w
        WHERE s.key = w.id OR substr(s.key, 1, length(w.id) + 1) IN (w.id || '@', w.id || '#')))`,
  },
  {
    table: "jobs",
    from: "jobs AS j",
    where: `j.state IN ('done', 'failed', 'cancelled') AND j.run_at < :cutoff AND NOT ${JOB_OF_OPEN_WORKFLOW}`,
  },
  { table: "deliveries", from: "deliveries", where: "received_at < :cutoff" },
  { table: "workflows", from: "workflows", where: `id IN ${EXPIRED}` },
];

/** A policy that would delete what a redelivery or the audit still needs: what is wrong, in words; null when it is sound. */
export function retentionProblem(policy: RetentionPolicy): string | null {
  if (policy.retentionDays < MIN_RETENTION_DAYS)
    return `FOREMAN_RETENTION_DAYS: must be at least ${MIN_RETENTION_DAYS} (deliveries are the dedupe of webhooks GitHub may redeliver for days)`;
  if (policy.auditRetentionDays < policy.retentionDays) return "FOREMAN_AUDIT_RETENTION_DAYS: must be at least FOREMAN_RETENTION_DAYS";
  return null;
}

/** The values a condition names (SQLite refuses a parameter its statement does not have). */
function paramsFor(where: string, all: Record<string, SQLInputValue>): Record<string, SQLInputValue> {
  return Object.fromEntries(Object.entries(all).filter(([name]) => where.includes(`:${name}`)));
}

/** The cutoffs, and the ids of the open workflows and of the finished ones whose audit is past keeping. */
function pruneParams(sql: SqliteDb, policy: RetentionPolicy, now: number): Record<string, SQLInputValue> {
  const auditCutoff = now - policy.auditRetentionDays * DAY_MS;
  const ids = (rows: { id: string }[]): string => JSON.stringify(rows.map((row) => row.id));
  return {
    cutoff: now - policy.retentionDays * DAY_MS,
    auditCutoff,
    expired: ids(sql.all<{ id: string }>(EXPIRED_WORKFLOWS, auditCutoff)),
    open: ids(sql.all<{ id: string }>("SELECT id FROM workflows WHERE open = 1")),
  };
}

/**
 * Deletes what finished work no longer needs, as of `now`, in one transaction; with `dryRun`,
 * deletes nothing and counts what would go. Freed pages are reused by later writes, so the file
 * stops growing; `VACUUM` (see `OperatorQueries.vacuum`) gives them back to the file system.
 */
export function pruneDatabase(sql: SqliteDb, policy: RetentionPolicy, now: number, dryRun = false): PruneReport {
  const report: PruneReport = { events: 0, effects: 0, seen: 0, jobs: 0, deliveries: 0, workflows: 0 };
  sql.transaction(() => {
    const all = pruneParams(sql, policy, now);
    for (const rule of RULES) {
      const params = paramsFor(rule.where, all);
      report[rule.table] = dryRun
        ? Number((sql.statement(`SELECT count(*) AS n FROM ${rule.from} WHERE ${rule.where}`).get(params) as { n: number }).n)
        : Number(sql.statement(`DELETE FROM ${rule.from} WHERE ${rule.where}`).run(params).changes);
    }
  });
  return report;
}
