import type { EngineEvent } from "../engine/events.ts";
import type { Job } from "../store/store.ts";
import { applyEvent } from "./apply-event.ts";
import type { WorkerDeps } from "./deps.ts";
import type { Intake } from "./intake.ts";
import { processIntake } from "./process-intake.ts";
import { runDebugJob, type DebugJob } from "./jobs/debug-job.ts";
import { runRebaseJob, type RebaseJob } from "./jobs/rebase-job.ts";
import { runReviewJob, type ReviewJob } from "./jobs/review-job.ts";
import { runReviseJob, type ReviseJob } from "./jobs/revise-job.ts";
import { runTaskJob, type TaskJob } from "./task-job.ts";

export class UnknownJobError extends Error {
  constructor(kind: string) {
    super(`unknown job kind "${kind}"`);
    this.name = "UnknownJobError";
  }
}

async function runIntake(deps: WorkerDeps, intake: Intake): Promise<void> {
  const routed = await processIntake(deps, intake);
  const actor = "sender" in intake ? intake.sender.login : null;
  if (routed) await applyEvent(deps, routed.workflowId, routed.event, actor, intake.deliveryId);
}

type JobRunner = (deps: WorkerDeps, payload: unknown) => Promise<void>;

/** What runs each kind of job; payloads were written by this code, so they are read as their kind's shape. */
const RUNNERS: Readonly<Record<string, JobRunner>> = {
  intake: (deps, payload) => runIntake(deps, payload as Intake),
  event: (deps, payload) => {
    const { workflowId, event } = payload as { workflowId: string; event: EngineEvent };
    return applyEvent(deps, workflowId, event, null, null);
  },
  task: (deps, payload) => runTaskJob(deps, payload as TaskJob),
  debug: (deps, payload) => runDebugJob(deps, payload as DebugJob),
  review: (deps, payload) => runReviewJob(deps, payload as ReviewJob),
  revise: (deps, payload) => runReviseJob(deps, payload as ReviseJob),
  rebase: (deps, payload) => runRebaseJob(deps, payload as RebaseJob),
};

/** Runs one leased job by kind. */
export async function runJob(deps: WorkerDeps, job: Job): Promise<void> {
  const run = RUNNERS[job.kind];
  if (!run) throw new UnknownJobError(job.kind);
  await run(deps, job.payload);
}
