import { parseArgs } from "node:util";
import { EnvError, parseRetentionEnv } from "../env.ts";
import type { PruneReport, RetentionPolicy } from "../store/sqlite/retention.ts";
import { UsageError, type CliCommand } from "./command.ts";

const TABLES: readonly (keyof PruneReport)[] = ["workflows", "events", "jobs", "effects", "deliveries", "seen"];

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

/** What a prune deleted (or would), table by table, under the policy it applied. */
export function renderPrune(report: PruneReport, policy: RetentionPolicy, dryRun: boolean): string {
  const rows = TABLES.map((table) => `  ${table.padEnd(10)} ${report[table]}`);
  return [
    `Retention: finished work ${policy.retentionDays} days, its audit ${policy.auditRetentionDays} days (FOREMAN_RETENTION_DAYS, FOREMAN_AUDIT_RETENTION_DAYS).`,
    `${dryRun ? "Dry run: would delete" : "Deleted"}, by table:`,
    ...rows,
  ].join("\n");
}

function policyFrom(env: NodeJS.ProcessEnv): RetentionPolicy {
  try {
    return parseRetentionEnv(env);
  } catch (error) {
    if (error instanceof EnvError) throw new UsageError(error.message);
    throw error;
  }
}

export const pruneCommand: CliCommand = {
  name: "prune",
  synopsis: "[--dry-run] [--vacuum]",
  summary:
    "delete finished work past its retention now (the server also does it every FOREMAN_PRUNE_HOURS); --vacuum shrinks the file after",
  run({ store, args, env, stdout }) {
    const { values } = parseArgs({
      args,
      options: { "dry-run": { type: "boolean", default: false }, vacuum: { type: "boolean", default: false } },
      strict: true,
      allowPositionals: false,
    });
    const policy = policyFrom(env);
    const dryRun = values["dry-run"];
    const report = store.prune(policy, dryRun);
    stdout.write(`${renderPrune(report, policy, dryRun)}\n`);
    const queries = store.operatorQueries();
    const before = queries.size();
    if (values.vacuum && !dryRun) queries.vacuum();
    const after = queries.size();
    const vacuumed = values.vacuum && !dryRun ? `; vacuumed from ${megabytes(before.bytes)}` : "";
    stdout.write(`database: ${megabytes(after.bytes)}, of which ${megabytes(after.freeBytes)} free pages${vacuumed}\n`);
  },
};
