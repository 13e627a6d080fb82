import { closeRemovedInstallation } from "../reconcile/installation-job.ts";
import type { JobKind, JobPayload, LeasedJob } from "../store/job-kinds.ts";
import { applyEvent } from "./apply-event.ts";
import type { WorkerDeps } from "./deps.ts";
import type { Intake } from "./intake.ts";
import { processIntake } from "./process-intake.ts";
import { runAmendJob } from "./jobs/amend-job.ts";
import { runDebugJob } from "./jobs/debug-job.ts";
import { runRebaseJob } from "./jobs/rebase-job.ts";
import { runReviewJob } from "./jobs/review-job.ts";
import { runReviseJob } from "./jobs/revise-job.ts";
import { runTaskJob } from "./task-job.ts";

async function runIntake(deps: WorkerDeps, intake: Intake): Promise<void> {
  const routed = await processIntake(deps, intake);
  const actor = "sender" in intake ? intake.sender.login : null;
  if (routed) await applyEvent(deps, routed.workflowId, routed.event, actor, intake.deliveryId);
}

type JobRunner<K extends JobKind> = (deps: WorkerDeps, payload: JobPayload<K>) => Promise<void>;

/** A runner for every kind of job, each given its kind's payload. */
export type JobRunners = { readonly [K in JobKind]: JobRunner<K> };

const RUNNERS: JobRunners = {
  intake: runIntake,
  event: (deps, { workflowId, event }) => applyEvent(deps, workflowId, event, null, null),
  task: runTaskJob,
  debug: runDebugJob,
  review: runReviewJob,
  revise: runReviseJob,
  rebase: runRebaseJob,
  amend: runAmendJob,
  installation_removed: closeRemovedInstallation,
};

/** Runs one leased job (its payload already checked) by its kind; `overrides` replace the runners of some kinds. */
export function runJob<K extends JobKind>(deps: WorkerDeps, job: LeasedJob<K>, overrides: Partial<JobRunners> = {}): Promise<void> {
  const run: JobRunner<K> = overrides[job.kind] ?? RUNNERS[job.kind];
  return run(deps, job.payload);
}
