/**
 * `foreman audit <owner>/<repo>#<issue>`: prints a workflow's audit trail from the database at
 * FOREMAN_DB_PATH (default .foreman/foreman.db). Run with `npm run audit -- acme/stats#12`.
 * `foreman audit <owner>/<repo>` prints the repository's writes about no workflow.
 */
import { existsSync } from "node:fs";
import { SqliteStore } from "../store/sqlite/sqlite-store.ts";
import { AuditTargetError, auditReport, parseAuditTarget } from "./audit.ts";

const USAGE = "usage: foreman audit <owner>/<repo>#<issue> | <owner>/<repo>   (reads FOREMAN_DB_PATH, default .foreman/foreman.db)";

function main(args: string[]): number {
  const [command, target] = args;
  if (command !== "audit" || !target) {
    console.error(USAGE);
    return 2;
  }
  const path = process.env.FOREMAN_DB_PATH ?? ".foreman/foreman.db";
  if (!existsSync(path)) {
    console.error(`no database at ${path}; set FOREMAN_DB_PATH`);
    return 2;
  }
  try {
    const key = parseAuditTarget(target);
    const store = new SqliteStore(path);
    try {
      console.log(auditReport(store, key));
    } finally {
      store.close();
    }
    return 0;
  } catch (error) {
    if (!(error instanceof AuditTargetError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
