import { DatabaseSync } from "node:sqlite";
import { COUNT_PENDING_JOBS } from "./sqlite-jobs.ts";

/**
 * Jobs queued or running in the database at `path`, read beside the running app (read-only):
 * 0 when Foreman is idle. A database that cannot be read yet (the app is starting) counts as busy.
 */
export function pendingJobsIn(path: string): number {
  try {
    const db = new DatabaseSync(path, { readOnly: true });
    try {
      const row = db.prepare(COUNT_PENDING_JOBS).get() as { n: number } | undefined;
      return row?.n ?? 0;
    } finally {
      db.close();
    }
  } catch {
    return 1;
  }
}
