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

/** Runs one leased job by kind. */
export async function runJob(deps: WorkerDeps, job: Job): Promise<void> {
  switch (job.kind) {
    case "intake": {
      const intake = job.payload as Intake;
      const routed = await processIntake(deps, intake);
      const actor = "sender" in intake ? intake.sender.login : null;
      if (routed) await applyEvent(deps, routed.workflowId, routed.event, actor, intake.deliveryId);
      return;
    }
    case "event": {
      const { workflowId, event } = job.payload as { workflowId: string; event: EngineEvent };
      await applyEvent(deps, workflowId, event, null, null);
      return;
    }
    case "task":
      await runTaskJob(deps, job.payload as TaskJob);
      return;
    case "debug":
      await runDebugJob(deps, job.payload as DebugJob);
      return;
    case "review":
      await runReviewJob(deps, job.payload as ReviewJob);
      return;
    case "revise":
      await runReviseJob(deps, job.payload as ReviseJob);
      return;
    case "rebase":
      await runRebaseJob(deps, job.payload as RebaseJob);
      return;
    default:
      throw new UnknownJobError(job.kind);
  }
}
