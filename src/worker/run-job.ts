import { closeRemovedInstallation } from "../reconcile/installation-job.ts";
import type { JobKind, JobPayload, LeasedJob } from "../store/job-kinds.ts";
import { AcknowledgeKey } from "../domain/keys.ts";
import { applyEvent } from "./apply-event.ts";
import { performWrites } from "./effect-runner.ts";
import type { WorkerDeps } from "./deps.ts";
import type { Intake } from "./intake.ts";
import { processIntake } from "./process-intake.ts";
import { runAmendJob } from "./jobs/amend-job.ts";
import { runDebugJob } from "./jobs/debug-job.ts";
import { runRebaseJob } from "./jobs/rebase-job.ts";
import { runReviewJob } from "./jobs/review-job.ts";
import { runReviseJob } from "./jobs/revise-job.ts";
import { runTaskJob } from "./task-job.ts";

/**
 * A webhook's intake: its answers, then its engine event. A command's reaction is written only when
 * the event's decision showed nothing of its own (a status edit, a comment, a check run or a merge
 * follows within seconds otherwise).
 */
async function runIntake(deps: WorkerDeps, intake: Intake): Promise<void> {
  const routed = await processIntake(deps, intake);
  if (!routed) return;
  const actor = "sender" in intake ? intake.sender.login : null;
  const answered = await applyEvent(deps, routed.workflowId, routed.event, actor, intake.deliveryId);
  if (answered || !routed.acknowledge) return;
  const github = await deps.github.forRepo(intake.ref);
  const key = AcknowledgeKey.toString(intake.deliveryId);
  await performWrites(deps, github, {
    workflowId: routed.workflowId,
    key,
    actor,
    deliveryId: intake.deliveryId,
    writes: [routed.acknowledge],
  });
}

type JobRunner<K extends JobKind> = (deps: WorkerDeps, payload: JobPayload<K>) => Promise<void>;

/** A runner for every kind of job, each given its kind's payload. */
export type JobRunners = { readonly [K in JobKind]: JobRunner<K> };

const RUNNERS: JobRunners = {
  intake: runIntake,
  event: async (deps, { workflowId, event, actor }) => {
    await applyEvent(deps, workflowId, event, actor ?? null, null);
  },
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
