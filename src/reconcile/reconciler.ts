import { setTimeout as sleep } from "node:timers/promises";
import { addReports, EMPTY_REPORT, type ReconcileDeps, type ReconcileReport } from "./deps.ts";
import { reconcileWorkflow } from "./reconcile-workflow.ts";
import { scanInstallations } from "./scan.ts";

export interface ReconcilerOptions {
  /** Between passes over the open workflows; 0: only on start. */
  intervalMs: number;
  /** Between scans of every installation for labelled issues the database does not know. */
  scanIntervalMs: number;
}

/**
 * Compares open workflows with GitHub on start and on a timer, so a dropped webhook or a crash
 * costs time, never work; and scans the installations for workflows the database does not know
 * (a missed label, a lost database). One pass at a time; a failing read is retried next pass.
 */
export class Reconciler {
  private readonly deps: ReconcileDeps;
  private readonly options: ReconcilerOptions;
  private readonly stopped = new AbortController();
  private loop: Promise<void> | null = null;
  private pass: Promise<ReconcileReport> | null = null;
  private lastScan = Number.NEGATIVE_INFINITY;

  constructor(deps: ReconcileDeps, options: ReconcilerOptions) {
    this.deps = deps;
    this.options = options;
  }

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped.abort();
    await this.loop;
    await this.pass?.catch(() => undefined);
  }

  /** Runs one pass now (or joins the one running): a scan when one is due, then every open workflow. */
  runOnce(options: { scan?: boolean } = {}): Promise<ReconcileReport> {
    this.pass ??= this.passOnce(options.scan ?? this.deps.now() - this.lastScan >= this.options.scanIntervalMs).finally(() => {
      this.pass = null;
    });
    return this.pass;
  }

  /** Reconciles one workflow soon, e.g. after a job failed for good (is its issue gone?). */
  check(workflowId: string): void {
    const record = this.deps.store.getWorkflow(workflowId);
    if (!record?.open) return;
    reconcileWorkflow(this.deps, record).catch((error: unknown) =>
      this.deps.log.warn({ workflowId, err: error }, "could not reconcile a workflow"),
    );
  }

  private async run(): Promise<void> {
    while (!this.stopped.signal.aborted) {
      await this.runOnce().catch((error: unknown) => this.deps.log.warn({ err: error }, "reconcile pass failed; it runs again next time"));
      if (this.options.intervalMs <= 0) return;
      await sleep(this.options.intervalMs, undefined, { signal: this.stopped.signal }).catch(() => undefined);
    }
  }

  private async passOnce(scan: boolean): Promise<ReconcileReport> {
    let report = EMPTY_REPORT;
    if (scan) {
      this.lastScan = this.deps.now();
      report = await scanInstallations(this.deps).catch((error: unknown) => {
        this.deps.log.warn({ err: error }, "could not scan the installations; the scan runs again next time");
        return addReports(EMPTY_REPORT, { errors: 1 });
      });
    }
    for (const record of this.deps.store.openWorkflows()) {
      if (this.stopped.signal.aborted) break;
      try {
        report = addReports(addReports(report, { workflows: 1 }), await reconcileWorkflow(this.deps, record));
      } catch (error) {
        report = addReports(report, { errors: 1 });
        this.deps.log.warn({ workflowId: record.id, err: error }, "could not reconcile a workflow; it is tried again next pass");
      }
    }
    if (report.events + report.comments + report.closed + report.rebuilt + report.started > 0)
      this.deps.log.info({ ...report }, "reconciled");
    return report;
  }
}
