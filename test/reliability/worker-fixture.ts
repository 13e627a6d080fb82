import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { onTestFinished } from "vitest";
import type { GitHubPort } from "../../src/ports/github.ts";
import type { ModelPort } from "../../src/ports/model.ts";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.ts";
import type { JobRunners } from "../../src/worker/run-job.ts";
import { Worker, type WorkerHooks, type WorkerOptions } from "../../src/worker/worker.ts";

const unused = (): never => {
  throw new Error("not used in this test");
};

/** A worker over a real store whose jobs (of the kinds in `handlers`) are run by `handlers`, stopped and cleaned up after the test. */
export function workerWith(
  handlers: Partial<JobRunners>,
  options: Partial<WorkerOptions> = {},
  hooks: Omit<WorkerHooks, "handlers"> = {},
): { worker: Worker; store: SqliteStore; path: string } {
  const dir = mkdtempSync(join(tmpdir(), "foreman-worker-"));
  const path = join(dir, "foreman.db");
  const store = new SqliteStore(path);
  const github: GitHubPort = { installations: unused, repositories: unused, forRepo: unused };
  const model: ModelPort = { complete: unused };
  const worker = new Worker(
    { store, github, model, log: pino({ level: "silent" }), now: Date.now, botLogin: "foreman[bot]", modelFor: () => "m" },
    { concurrency: 2, leaseMs: 300, pollMs: 20, maxAttempts: 3, shutdownGraceMs: 200, ...options },
    { handlers, ...hooks },
  );
  onTestFinished(async () => {
    await worker.stop();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { worker, store, path };
}
